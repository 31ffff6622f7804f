package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.ports.out.InfrastructureException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code instead of a stack trace: bad input
 * or configuration is 2, an unreachable store or queue is 1.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

  /**
   * A bad flag or argument: one line naming it and where the help is, exit 2 (the usage, 20 lines
   * of it, would bury the line that matters).
   */
  static int badUsage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    cli.getErr()
        .println(
            "error: "
                + ex.getMessage()
                + " (see '"
                + cli.getCommandSpec().qualifiedName()
                + " --help')");
    return 2;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    var err = commandLine.getErr();
    if (ex instanceof UsageProblem) {
      err.println("error: " + ex.getMessage());
      return 2;
    }
    if (ex instanceof InfrastructureException) {
      err.println("error: " + ex.getMessage());
      return 1;
    }
    err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
    return 1;
  }
}
