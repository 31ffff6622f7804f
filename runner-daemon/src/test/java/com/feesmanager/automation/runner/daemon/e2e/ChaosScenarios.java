package com.feesmanager.automation.runner.daemon.e2e;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scenarios 1–5 of the chaos suite (issue 13), each on a clean stack of its own: the Firestore
 * emulator reset, a private redis-server with AOF ({@code everysec}) on a spare port and directory,
 * the wppconnect double whose sends take 100–200 ms, and a fresh account whose rule is due this
 * minute. Scenario 6 (bad input) is {@link ChaosBadInput}.
 */
final class ChaosScenarios {

  static final String[] REDIS_AOF = {"--appendonly", "yes", "--appendfsync", "everysec"};

  /** The reply timeout the gateway scenario gives the daemon; its slow reply takes longer. */
  static final Duration WPP_TIMEOUT = Duration.ofSeconds(3);

  /** How long the double's browser takes to start a session that has a saved login. */
  static final Duration BROWSER_START = Duration.ofSeconds(5);

  private final ChaosPlan plan;
  private final Path workDir;
  private final Random random;

  ChaosScenarios(ChaosPlan plan, Path workDir) {
    this.plan = plan;
    this.workDir = workDir;
    this.random = new Random(plan.seed());
  }

  ChaosTally run(int scenario) throws Exception {
    return switch (scenario) {
      case 1 -> kills();
      case 2 -> redisRestarts();
      case 3 -> gatewayFaults();
      case 4 -> firestoreFrozen();
      case 5 -> crowd();
      case 6 -> new ChaosBadInput(plan, dir(6)).run();
      default -> throw new IllegalArgumentException("no chaos scenario " + scenario);
    };
  }

  /** 1. kill -9 the daemon at random moments during delivery, restarting it seconds later. */
  private ChaosTally kills() throws Exception {
    try (E2eStack stack = stack(1)) {
      E2eAccount account = seed(stack);
      JarProcess daemon = stack.startDaemon(env(stack));
      awaitSends(stack, 1);
      Faults faults = new Faults();
      for (int i = 0; i < plan.kills(); i++) {
        sleepBetween(1_000, 4_000);
        daemon.kill();
        faults.now();
        sleepBetween(1_000, 3_000);
        daemon = stack.startDaemon(env(stack));
      }
      return faults.tally("1 daemon kill -9 x" + plan.kills(), stack, account);
    }
  }

  /** 2. SIGTERM redis-server during delivery and start it again; then once with SIGKILL. */
  private ChaosTally redisRestarts() throws Exception {
    try (E2eStack stack = stack(2)) {
      E2eAccount account = seed(stack);
      stack.startDaemon(env(stack));
      awaitSends(stack, 1);
      Faults faults = new Faults();
      int restarts = plan.redisRestarts() + (plan.redisKill() ? 1 : 0);
      for (int i = 0; i < restarts; i++) {
        sleepBetween(2_000, 5_000);
        if (i < plan.redisRestarts()) {
          stack.redis.terminate();
        } else {
          stack.redis.kill();
        }
        faults.now();
        Thread.sleep(3_000);
        stack.redis.restart();
      }
      String name =
          "2 redis SIGTERM x" + plan.redisRestarts() + (plan.redisKill() ? " +SIGKILL" : "");
      return faults.tally(name, stack, account);
    }
  }

  /** 3. The gateway's faults of the plan, one after another during delivery. */
  private ChaosTally gatewayFaults() throws Exception {
    try (E2eStack stack = stack(3)) {
      E2eAccount account = seed(stack);
      Map<String, String> env = env(stack);
      env.put("WPP_TIMEOUT", WPP_TIMEOUT.toString());
      env.put("WPP_HEALTH_INTERVAL", "PT10S");
      stack.startDaemon(env);
      awaitSends(stack, 1);
      Faults faults = new Faults();
      for (String fault : plan.gatewayFaults()) {
        sleepBetween(1_000, 3_000);
        faults.now();
        switch (fault) {
          case "500-before" ->
              stack.whatsapp.replyToNextSends(SendReply.serverError(), SendReply.serverError());
          case "500-after" ->
              stack.whatsapp.replyToNextSends(
                  new SendReply.ErrorAfterSending(), new SendReply.ErrorAfterSending());
          case "slow" ->
              stack.whatsapp.replyToNextSends(
                  new SendReply.Slow(WPP_TIMEOUT.plusSeconds(2)),
                  new SendReply.Slow(WPP_TIMEOUT.plusSeconds(2)));
          case "token" -> stack.whatsapp.invalidateTokens();
          case "gone" -> stack.whatsapp.goAway(Duration.ofSeconds(30));
          case "closed" -> {
            // closed, and its browser takes the minute to come back whoever starts it
            stack.whatsapp.finishStartingAfter(Duration.ofSeconds(60));
            stack.whatsapp.setState(account.session(), WppConnectServerDouble.State.CLOSED);
            Thread.sleep(60_000);
            stack.whatsapp.connect(account.session());
            stack.whatsapp.finishStartingAfter(BROWSER_START);
          }
          default -> throw new IllegalStateException(fault);
        }
        // the gateway is back only now (after 30 s gone, a minute closed): settling counts from
        // here
        faults.now();
      }
      return faults.tally("3 gateway " + String.join(",", plan.gatewayFaults()), stack, account);
    }
  }

  /** 4. SIGSTOP the Firestore emulator during delivery, across a minute boundary, then SIGCONT. */
  private ChaosTally firestoreFrozen() throws Exception {
    try (E2eStack stack = stack(4)) {
      E2eAccount account = seed(stack);
      stack.startDaemon(env(stack));
      awaitSends(stack, Math.max(1, plan.recipients() / 10));
      Faults faults = new Faults();
      FirestoreEmulatorExtension.emulator().freeze();
      faults.now();
      try {
        Thread.sleep(plan.freeze().toMillis());
      } finally {
        FirestoreEmulatorExtension.emulator().thaw();
      }
      faults.now();
      return faults.tally("4 firestore frozen " + plan.freeze().toSeconds() + " s", stack, account);
    }
  }

  /** 5. Two daemons and a tick every 20 s on the same account and minute. */
  private ChaosTally crowd() throws Exception {
    try (E2eStack stack = stack(5)) {
      E2eAccount account = seed(stack);
      Faults faults = new Faults();
      stack.startDaemon(env(stack));
      stack.startDaemon(env(stack));
      faults.now();
      List<JarProcess> ticks = new ArrayList<>();
      long end = System.nanoTime() + plan.crowd().toNanos();
      while (System.nanoTime() < end) {
        ticks.add(stack.startJar(env(stack), "tick", "--max-seconds", "15"));
        faults.now();
        Thread.sleep(20_000);
      }
      for (JarProcess tick : ticks) {
        tick.waitFor(Duration.ofSeconds(60));
      }
      return faults.tally("5 crowd 2 daemons+" + ticks.size() + " ticks", stack, account);
    }
  }

  private E2eStack stack(int scenario) throws Exception {
    E2eStack stack = E2eStack.start(dir(scenario), REDIS_AOF);
    stack.whatsapp.slowSends(Duration.ofMillis(100), Duration.ofMillis(200));
    // a session the daemon closes and starts again comes back from its saved login, as the real
    // server's does
    stack.whatsapp.finishStartingAfter(BROWSER_START);
    return stack;
  }

  private Path dir(int scenario) throws Exception {
    return Files.createDirectories(workDir.resolve("scenario-" + scenario));
  }

  private E2eAccount seed(E2eStack stack) throws InterruptedException {
    E2eAccount account = E2eAccount.dueThisMinute(plan.recipients());
    stack.importAccount(account);
    return account;
  }

  private Map<String, String> env(E2eStack stack) throws Exception {
    Map<String, String> env = stack.env(E2eStack.freePort());
    plan.visibilityTimeout()
        .ifPresent(timeout -> env.put("VISIBILITY_TIMEOUT", timeout.toString()));
    return env;
  }

  private static void awaitSends(E2eStack stack, int count) throws InterruptedException {
    E2eStack.await(count + " sends", Duration.ofSeconds(120), () -> stack.sends().size() >= count);
  }

  private void sleepBetween(int fromMillis, int toMillis) throws InterruptedException {
    Thread.sleep(fromMillis + random.nextInt(toMillis - fromMillis + 1));
  }

  /** When the first and the last fault of a scenario happened. */
  private static final class Faults {
    private Instant first;
    private Instant last;

    void now() {
      last = Instant.now();
      if (first == null) {
        first = last;
      }
    }

    ChaosTally tally(String scenario, E2eStack stack, E2eAccount account) throws Exception {
      return new ChaosWatch(stack, List.of(account)).tally(scenario, first, last);
    }
  }
}
