package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.ProcessExit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fees-automation}: one executable, sub-commands of SPEC §8. */
@Command(
    name = "fees-automation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sends Fees Manager fee reminders to WhatsApp, on time, exactly once.",
    footer = {"", "Commands and exit codes: docs/commands.md. Settings: docs/configuration.md."},
    subcommands = {
      DemoCli.class,
      PreviewCli.class,
      DaemonCli.class,
      TickCli.class,
      StatusCli.class,
      CheckCli.class,
      DeadCli.class,
      SendTestCli.class,
      SessionCli.class,
      ImportCli.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // a one-shot command (tick, status, …) or a daemon that has shut down: nothing is in flight
    ProcessExit.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (SPEC §8: 0 ok, 1 attention needed, 2 usage/config). */
  static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured command line: failures as one line (see {@link CliErrors}), help wrapped by
   * picocli to the terminal's width.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new CliErrors());
    cli.setParameterExceptionHandler(CliErrors::badUsage);
    cli.setUsageHelpAutoWidth(true);
    cli.setOut(new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
    cli.setErr(new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
