package com.feesmanager.automation.adapters.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code examples/} files from wherever the tests run. */
final class ExampleFiles {

  private ExampleFiles() {}

  static Path academyDemo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("examples").resolve("academy-demo.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("examples/academy-demo.json not found above the working dir");
  }
}
