package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.http.JsonText;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.QueueMonitor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dead list [--json]} / {@code dead requeue KEY…|--all} / {@code dead drop KEY…|--all}: the
 * dead letters (SPEC §4, §8). Requeue and drop name their keys or say {@code --all}: without either
 * they are refused, so nothing is requeued or dropped by a forgotten argument.
 */
@Command(
    name = "dead",
    mixinStandardHelpOptions = true,
    description = "Inspect, requeue or drop messages that used their last attempt.",
    subcommands = {DeadCli.ListDead.class, DeadCli.RequeueDead.class, DeadCli.DropDead.class})
final class DeadCli implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dead list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List dead letters, oldest first, phone numbers masked.")
  static final class ListDead implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "100", description = "At most this many.")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of text (docs/commands.md).")
    boolean json;

    @Mixin Environment environment = new Environment();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      return ServerRuntime.run(
          environment.variables(),
          Clock.systemUTC(),
          (injector, config, clients) -> {
            List<DeadLetter> dead = injector.getInstance(QueueMonitor.class).deadLetters(limit);
            if (json) {
              out.println(JsonText.of(DeadJson.of(dead)));
              return 0;
            }
            for (DeadLetter letter : dead) {
              var message = letter.message();
              out.printf(
                  "%s  %s  %s %s  to %s  attempts %d  %s  (%s)%n",
                  message.key(),
                  message.uid(),
                  message.ruleId(),
                  message.occurrence(),
                  message.message().to().masked(),
                  letter.attempts(),
                  letter.reason(),
                  letter.diedAt());
            }
            out.println(dead.size() + " dead letter(s)");
            return 0;
          });
    }
  }

  /**
   * Which dead letters: the keys given, or {@code --all}; exactly one of the two (a picocli
   * argument group would say so too, but the code generator of the native build refuses one here).
   */
  static final class Chosen {
    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Message keys (dead list).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--all", description = "Every dead letter.")
    boolean all;

    /** The port's form (the empty set means every dead letter), or a usage error. */
    Set<MessageKey> keys(CommandSpec spec) {
      if (all == !keys.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            all
                ? "give KEY… or --all, not both"
                : "name the dead letters: KEY… (from dead list) or --all");
      }
      return all ? Set.of() : keys.stream().map(MessageKey::new).collect(Collectors.toSet());
    }
  }

  /** {@code dead requeue KEY…|--all}. */
  @Command(
      name = "requeue",
      mixinStandardHelpOptions = true,
      description = "Requeue the given dead letters (or --all) with fresh attempts.")
  static final class RequeueDead implements Callable<Integer> {

    @Mixin Chosen chosen = new Chosen();

    @Spec CommandSpec spec;

    @Mixin Environment environment = new Environment();

    /** When the requeued messages become ready; tests move it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      Set<MessageKey> keys = chosen.keys(spec);
      return ServerRuntime.run(
          environment.variables(),
          clock,
          (injector, config, clients) -> {
            int requeued =
                injector.getInstance(QueueMonitor.class).requeueDead(keys, clock.instant());
            out.println("requeued " + requeued + " message(s)");
            return 0;
          });
    }
  }

  /** {@code dead drop KEY…|--all}. */
  @Command(
      name = "drop",
      mixinStandardHelpOptions = true,
      description =
          "Drop the given dead letters (or --all): they are not sent, and the same message is not"
              + " queued again within DEDUPE_RETENTION. Their message logs stay DEAD.")
  static final class DropDead implements Callable<Integer> {

    @Mixin Chosen chosen = new Chosen();

    @Spec CommandSpec spec;

    @Mixin Environment environment = new Environment();

    /** When the drop happens (the dedupe retention runs from it); tests move it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      Set<MessageKey> keys = chosen.keys(spec);
      return ServerRuntime.run(
          environment.variables(),
          clock,
          (injector, config, clients) -> {
            int dropped = injector.getInstance(QueueMonitor.class).dropDead(keys, clock.instant());
            out.println("dropped " + dropped + " message(s)");
            return 0;
          });
    }
  }
}
