package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.TestRedisDatabase;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.alerts.LoggingAlerts;
import com.feesmanager.automation.bootstrap.wiring.ServerAdaptersModule;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase;
import com.feesmanager.automation.runner.daemon.Daemon;
import com.feesmanager.automation.runner.daemon.DaemonAssembly;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The daemon's minute check on the real adapters (the Firestore emulator, Redis database 10 of the
 * local server, flushed first, the wppconnect-server double) with firing made to throw: the
 * heartbeat, a separate step, is still written (SPEC §2 isolation: no heartbeat is stopped).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class DaemonStepsIT {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);
  private static final String REDIS = TestRedisDatabase.url(10);
  private static final String ACCOUNT = "demo-academy";

  private WppConnectServerDouble whatsapp;

  @BeforeEach
  void servers() throws Exception {
    FirestoreEmulatorExtension.emulator().reset();
    flushRedisDatabase10();
    whatsapp = WppConnectServerDouble.start();
    whatsapp.connect("demo");
    importSample();
  }

  @AfterEach
  void stop() {
    whatsapp.close();
  }

  private Map<String, String> env() {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    Map<String, String> env = new HashMap<>();
    env.put("FIRESTORE_EMULATOR_HOST", emulator.host());
    env.put("FIREBASE_PROJECT_ID", FirestoreEmulator.PROJECT);
    env.put("REDIS_URL", REDIS);
    env.put("WPPCONNECT_SERVER_URL", whatsapp.baseUrl().toString());
    env.put("WPPCONNECT_SECRET_KEY", whatsapp.secretKey());
    env.put("HTTP_PORT", "0");
    return env;
  }

  private void importSample() throws InterruptedException {
    CommandLine importCli = new CommandLine(new ImportCli());
    Environment.of(importCli).use(env());
    assertThat(importCli.execute("--data", SAMPLE.toString())).isZero();
    try (FirestoreConnection firestore = connect()) {
      awaitTrue(
          () ->
              firestore.accountDirectory().enabledAccounts().accounts().stream()
                  .anyMatch(a -> a.uid().equals(ACCOUNT)));
    }
  }

  @Test
  void when_firing_throws_every_minute_the_heartbeats_are_still_written() throws Exception {
    // given a daemon whose firing throws something unexpected
    AtomicReference<Daemon> running = new AtomicReference<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ServerRuntime.run(
                    env(),
                    Clock.systemUTC(),
                    (injector, config, clients) -> {
                      List<Module> modules =
                          new ArrayList<>(
                              ServerRuntime.coreModules(
                                  config,
                                  Clock.systemUTC(),
                                  new LoggingAlerts(),
                                  clients.redis().dailyTally()));
                      modules.add(new ServerAdaptersModule(clients, UnaryOperator.identity()));
                      Injector failingFiring =
                          Guice.createInjector(Modules.override(modules).with(failingFiring()));
                      Daemon daemon =
                          DaemonAssembly.daemon(
                              failingFiring,
                              config,
                              clients,
                              Clock.systemUTC(),
                              "steps-daemon",
                              new DaemonMetrics());
                      running.set(daemon);
                      daemon.start();
                      daemon.awaitStopped();
                      return 0;
                    });
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    // when its first minute check has run
    try (FirestoreConnection firestore = connect()) {
      awaitTrue(
          () ->
              firestore
                  .statusBoard()
                  .last(ACCOUNT)
                  .filter(h -> h.instance().equals("steps-daemon"))
                  .isPresent());
    } finally {
      awaitTrue(() -> running.get() != null);
      running.get().stop();
    }

    // then the heartbeat was written (above) and the daemon stops cleanly
    assertThat(exit.get(40, TimeUnit.SECONDS)).isZero();
    assertThat(whatsapp.sends()).isEmpty();
  }

  private static Module failingFiring() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(FireDueOccurrencesUseCase.class)
            .toInstance(
                command -> {
                  throw new IllegalStateException("a firing bug nobody expected");
                });
      }
    };
  }

  private static FirestoreConnection connect() {
    return FirestoreConnection.open(
        FirestoreEmulatorExtension.emulator().config(), AccountDefaults.SPEC, Clock.systemUTC());
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static void flushRedisDatabase10() {
    TestRedisDatabase.flush(10);
  }
}
