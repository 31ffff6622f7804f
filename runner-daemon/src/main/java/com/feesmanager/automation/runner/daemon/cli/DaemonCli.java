package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.runner.daemon.Daemon;
import com.feesmanager.automation.runner.daemon.DaemonAssembly;
import com.feesmanager.automation.runner.daemon.StopBudget;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import com.feesmanager.automation.runner.daemon.metrics.SystemMeters;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code daemon}: run forever (SPEC §8). SIGTERM stops taking new work, lets in-flight messages
 * finish or go back to the queue, commits Firestore's waiting writes and exits 0, all within one 30
 * s budget ({@link StopBudget}).
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = "Run the scheduler, the delivery workers and the HTTP surface until SIGTERM.")
final class DaemonCli implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonCli.class);

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() throws InterruptedException {
    String instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch closed = new CountDownLatch(1);
    DaemonMetrics metrics = new DaemonMetrics();
    // for the life of the process: its exit (or halt) ends the GC listener with it
    SystemMeters.bindTo(metrics.registry());
    AtomicReference<StopBudget> stopping = new AtomicReference<>();
    return ServerRuntime.run(
        environment.variables(),
        Clock.systemUTC(),
        metrics::timed,
        (injector, config, clients) -> {
          Daemon daemon =
              DaemonAssembly.daemon(
                  injector, config, clients, Clock.systemUTC(), instance, metrics);
          Thread hook =
              new Thread(
                  () -> {
                    // one budget for every stop step (StopBudget); the stop runs beside this
                    // thread, which halts at the budget's end whatever is still running
                    StopBudget budget = StopBudget.start();
                    stopping.set(budget);
                    Thread stop = new Thread(() -> daemon.stop(budget), "stop");
                    stop.setDaemon(true);
                    stop.start();
                    try {
                      // the main thread closes the clients (committing Firestore's waiting writes)
                      if (!closed.await(budget.beforeHalt().toMillis(), TimeUnit.MILLISECONDS)) {
                        LOG.warn("stop budget of {} spent; exiting", StopBudget.TOTAL);
                      }
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
          clients.close(
              Optional.ofNullable(stopping.get())
                  .map(StopBudget::forFlush)
                  .orElse(ServerClients.FLUSH_ON_CLOSE));
          return 0;
        },
        closed::countDown);
  }
}
