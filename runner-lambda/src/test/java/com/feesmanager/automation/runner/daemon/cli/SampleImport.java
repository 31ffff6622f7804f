package com.feesmanager.automation.runner.daemon.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Test helper: the {@code import} command on a given environment, for other modules' tests. */
public final class SampleImport {

  private SampleImport() {}

  /** Imports the bundled sample academy; returns the exit code and stderr. */
  public static String importSample(Map<String, String> environment) {
    ImportCli command = new ImportCli();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(command);
    Environment.of(cli).use(environment);
    cli.setExecutionExceptionHandler(new CliErrors());
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int code = cli.execute("--data", "../" + AccountDataOptions.SAMPLE);
    return code + " " + err.toString(StandardCharsets.UTF_8);
  }
}
