package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.UsageProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --data FILE} (repeatable): account files to run on; the bundled sample by default. */
public final class AccountDataOptions {

  public static final String SAMPLE = "examples/academy-demo.json";

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "Account file in the format of examples/academy-demo.json (docs/commands.md),"
              + " repeatable: run on it with the embedded adapters instead of the servers.")
  List<Path> files = new ArrayList<>();

  /** The files given, or the bundled sample copied out of the jar. */
  List<Path> filesOrSample() {
    if (!files.isEmpty()) {
      for (Path file : files) {
        if (!Files.isReadable(file)) {
          throw new UsageProblem("--data " + file + ": no such readable file");
        }
      }
      return List.copyOf(files);
    }
    return List.of(bundledSample());
  }

  private static Path bundledSample() {
    try (InputStream in = AccountDataOptions.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new UsageProblem("the bundled sample " + SAMPLE + " is missing; pass --data FILE");
      }
      Path copy = Files.createTempFile("academy-demo", ".json");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UsageProblem("cannot unpack the bundled sample: " + e.getMessage(), e);
    }
  }
}
