package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * {@code daemon}: run forever (SPEC §8). SIGTERM stops taking new work, lets in-flight messages
 * finish or go back to the queue within 30 s, and exits 0.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = "Run the scheduler, the delivery workers and the HTTP surface until SIGTERM.")
final class DaemonCli implements Callable<Integer> {

  /** The environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    String instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch closed = new CountDownLatch(1);
    DaemonMetrics metrics = new DaemonMetrics();
    return ServerRuntime.run(
        environment,
        Clock.systemUTC(),
        metrics::timed,
        (injector, config, clients) -> {
          Daemon daemon =
              new Daemon(injector, config, clients, Clock.systemUTC(), instance, metrics);
          Thread hook =
              new Thread(
                  () -> {
                    daemon.stop();
                    try {
                      // let the main thread close the clients (flushing Firestore's logs)
                      closed.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    // SPEC §8: a SIGTERM'd daemon that stopped cleanly exits 0, not 143
                    Runtime.getRuntime().halt(0);
                  },
                  "shutdown");
          Runtime.getRuntime().addShutdownHook(hook);
          daemon.start();
          daemon.awaitStopped();
          return 0;
        },
        closed::countDown);
  }
}
