package com.feesmanager.automation.runner.daemon.cli;

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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dead list} / {@code dead requeue [KEY…]}: the dead letters (SPEC §4, §8). */
@Command(
    name = "dead",
    mixinStandardHelpOptions = true,
    description = "Inspect or requeue messages that used their last attempt.",
    subcommands = {DeadCli.ListDead.class, DeadCli.RequeueDead.class})
final class DeadCli implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dead list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters.")
  static final class ListDead implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "100", description = "At most this many.")
    int limit;

    @Mixin Environment environment = new Environment();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      return ServerRuntime.run(
          environment.variables(),
          Clock.systemUTC(),
          (injector, config, clients) -> {
            List<DeadLetter> dead = injector.getInstance(QueueMonitor.class).deadLetters(limit);
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

  /** {@code dead requeue [KEY…]}: all when no key is given. */
  @Command(
      name = "requeue",
      mixinStandardHelpOptions = true,
      description =
          "Requeue the given dead letters (all when no KEY is given) with fresh attempts.")
  static final class RequeueDead implements Callable<Integer> {

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Message keys.")
    List<String> keys = new ArrayList<>();

    @Mixin Environment environment = new Environment();

    /** When the requeued messages become ready; tests move it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      Set<MessageKey> chosen = keys.stream().map(MessageKey::new).collect(Collectors.toSet());
      return ServerRuntime.run(
          environment.variables(),
          clock,
          (injector, config, clients) -> {
            int requeued =
                injector.getInstance(QueueMonitor.class).requeueDead(chosen, clock.instant());
            out.println("requeued " + requeued + " message(s)");
            return 0;
          });
    }
  }
}
