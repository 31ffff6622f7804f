package com.feesmanager.automation.runner.daemon.cli;

import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The environment a command reads its configuration from (SPEC §7): a picocli mixin shared by every
 * command that needs it. It is the process's environment unless a test gives another. (The empty
 * {@code @Command} makes it a mixin; it adds no option.)
 */
@CommandLine.Command
public final class Environment {

  private Map<String, String> variables = System.getenv();

  /** The variables the command's configuration is loaded from. */
  public Map<String, String> variables() {
    return variables;
  }

  /** Replaces the process's environment (tests and in-process runs). */
  public void use(Map<String, String> replacement) {
    variables = Objects.requireNonNull(replacement, "'replacement' must not be null");
  }

  /** The environment mixin of {@code cli}'s command. */
  public static Environment of(CommandLine cli) {
    if (cli.getMixins().get("environment") instanceof Environment environment) {
      return environment;
    }
    throw new IllegalArgumentException(cli.getCommandName() + " reads no environment");
  }
}
