package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig;
import com.feesmanager.automation.runner.daemon.config.ConfigException;
import com.feesmanager.automation.runner.daemon.config.ConfigLoader;
import com.feesmanager.automation.runner.daemon.wiring.CoreModule;
import com.feesmanager.automation.runner.daemon.wiring.ProcessModule;
import com.feesmanager.automation.runner.daemon.wiring.ServerAdaptersModule;
import com.feesmanager.automation.runner.daemon.wiring.ServerClients;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every server-backed command does first: load the configuration (one line per problem, exit
 * 2), open the clients, build one injector; and last: close the clients.
 */
final class ServerRuntime {

  /** A command's work on the wired process. */
  @FunctionalInterface
  interface Work {
    int run(Injector injector, AutomationConfig config, ServerClients clients)
        throws InterruptedException;
  }

  private ServerRuntime() {}

  static AutomationConfig config(Map<String, String> environment, ConfigLoader.Mode mode) {
    try {
      return ConfigLoader.load(environment, Optional.of(ConfigLoader.DEFAULT_DOT_ENV), mode);
    } catch (ConfigException e) {
      throw new UsageProblem(
          String.join("\nerror: ", e.problems().stream().map(Object::toString).toList()));
    }
  }

  static AutomationSettings settings(AutomationConfig config) {
    return new AutomationSettings(
        config.scheduling().misfireGrace(),
        Duration.ofMinutes(5),
        config.limits().minSendInterval(),
        config.retry().policy(),
        Duration.ofSeconds(30));
  }

  /** The modules every runner shares, over whichever adapters module the caller adds. */
  static List<Module> coreModules(AutomationConfig config, Clock clock, DailyTally tally) {
    return List.of(
        new CoreModule(
            settings(config), config.defaultCountryCode(), config.wppconnect().autoReconnect()),
        // Alerts go to stderr until the alert webhook is wired (the daemon issue).
        new ProcessModule(clock, new StderrAlerts(), tally));
  }

  static int run(Map<String, String> environment, Clock clock, Work work)
      throws InterruptedException {
    AutomationConfig config = config(environment, ConfigLoader.Mode.SERVER);
    ServerClients clients;
    try {
      clients = ServerClients.open(config, FirestoreSettings.from(config), clock);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    try (clients) {
      List<Module> modules =
          new java.util.ArrayList<>(coreModules(config, clock, clients.redis().dailyTally()));
      modules.add(new ServerAdaptersModule(clients));
      return work.run(Guice.createInjector(modules), config, clients);
    }
  }

  /** Alerts as one line each on stderr. */
  static final class StderrAlerts implements Alerts {
    @Override
    public void raise(Alert alert) {
      System.err.println(
          "alert "
              + alert.level()
              + " "
              + alert.event()
              + " "
              + alert.account()
              + ": "
              + alert.text());
    }
  }
}
