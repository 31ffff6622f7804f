package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.adapters.http.alerts.EmailAlerts;
import com.feesmanager.automation.adapters.http.alerts.SmtpSettings;
import com.feesmanager.automation.adapters.http.alerts.WebhookAlerts;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.bootstrap.alerts.FanOutAlerts;
import com.feesmanager.automation.bootstrap.alerts.LoggingAlerts;
import com.feesmanager.automation.bootstrap.config.Alerting;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigException;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.bootstrap.config.LogFormat;
import com.feesmanager.automation.bootstrap.config.Secret;
import com.feesmanager.automation.bootstrap.config.SmtpUrl;
import com.feesmanager.automation.bootstrap.logging.Logging;
import com.feesmanager.automation.bootstrap.wiring.CoreModule;
import com.feesmanager.automation.bootstrap.wiring.ProcessModule;
import com.feesmanager.automation.bootstrap.wiring.ServerAdaptersModule;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What every server-backed command does first: load the configuration (one line per problem, exit
 * 2), open the clients, build one injector; and last: close the clients.
 */
public final class ServerRuntime {

  /** A command's work on the wired process. */
  @FunctionalInterface
  public interface Work {
    int run(Injector injector, AutomationConfig config, ServerClients clients)
        throws InterruptedException;
  }

  private ServerRuntime() {}

  public static AutomationConfig config(Map<String, String> environment, ConfigLoader.Mode mode) {
    try {
      return ConfigLoader.load(environment, Optional.of(ConfigLoader.DEFAULT_DOT_ENV), mode);
    } catch (ConfigException e) {
      throw new UsageProblem(
          String.join("\nerror: ", e.problems().stream().map(Object::toString).toList()));
    }
  }

  public static AutomationSettings settings(AutomationConfig config) {
    return new AutomationSettings(
        config.scheduling().misfireGrace(),
        Duration.ofMinutes(5),
        config.limits().minSendInterval(),
        config.retry().policy(),
        Duration.ofSeconds(30),
        AutomationSettings.sendGraceFor(config.wppconnect().timeout()));
  }

  /** The modules every runner shares, over whichever adapters module the caller adds. */
  public static List<Module> coreModules(
      AutomationConfig config, Clock clock, Alerts alertChannel, DailyTally tally) {
    return List.of(
        new CoreModule(
            settings(config), config.defaultCountryCode(), config.wppconnect().autoReconnect()),
        new ProcessModule(clock, alertChannel, tally));
  }

  public static int run(Map<String, String> environment, Clock clock, Work work)
      throws InterruptedException {
    return run(environment, clock, work, () -> {});
  }

  /** As {@link #run(Map, Clock, Work)}, then {@code afterClose} once the clients are closed. */
  public static int run(
      Map<String, String> environment, Clock clock, Work work, Runnable afterClose)
      throws InterruptedException {
    return run(environment, clock, UnaryOperator.identity(), work, afterClose);
  }

  /**
   * As {@link #run(Map, Clock, Work, Runnable)}, with the gateway every use case gets wrapped by
   * {@code gateway} (the daemon times its sends).
   */
  public static int run(
      Map<String, String> environment,
      Clock clock,
      UnaryOperator<WhatsAppGateway> gateway,
      Work work,
      Runnable afterClose)
      throws InterruptedException {
    try {
      return runWith(environment, clock, gateway, work);
    } finally {
      afterClose.run();
    }
  }

  private static int runWith(
      Map<String, String> environment,
      Clock clock,
      UnaryOperator<WhatsAppGateway> gateway,
      Work work)
      throws InterruptedException {
    AutomationConfig config = config(environment, ConfigLoader.Mode.SERVER);
    configureLogging(config);
    ServerClients clients;
    try {
      clients = ServerClients.open(config, FirestoreSettings.from(config), clock);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    List<AutoCloseable> senders = alertSenders(config.alerting());
    Alerts alertChannel =
        senders.isEmpty()
            ? new LoggingAlerts()
            : new FanOutAlerts(senders.stream().map(Alerts.class::cast).toList());
    try (clients) {
      List<Module> modules =
          new java.util.ArrayList<>(
              coreModules(config, clock, alertChannel, clients.redis().dailyTally()));
      modules.add(new ServerAdaptersModule(clients, gateway));
      return work.run(Guice.createInjector(modules), config, clients);
    } finally {
      senders.forEach(ServerRuntime::closeQuietly);
    }
  }

  /**
   * One sender per alert destination (issue 15): each webhook URL, and e-mail when {@code
   * ALERT_EMAIL_TO} and {@code SMTP_URL} are set; none means alerts go to the log.
   */
  public static List<AutoCloseable> alertSenders(Alerting alerting) {
    List<AutoCloseable> senders = new java.util.ArrayList<>();
    alerting.webhooks().forEach(url -> senders.add(new WebhookAlerts(url.reveal())));
    alerting
        .smtp()
        .filter(smtp -> alerting.email())
        .ifPresent(smtp -> senders.add(new EmailAlerts(smtpSettings(smtp, alerting.emailTo()))));
    return senders;
  }

  static SmtpSettings smtpSettings(SmtpUrl smtp, List<String> to) {
    return new SmtpSettings(
        smtp.host(),
        smtp.port(),
        smtp.implicitTls(),
        smtp.startTls(),
        smtp.user(),
        smtp.password().map(Secret::reveal),
        smtp.from(),
        to);
  }

  private static void closeQuietly(AutoCloseable sender) {
    try {
      sender.close();
    } catch (Exception e) {
      // closing drains what it can and logs the rest; nothing more to do at exit
    }
  }

  /**
   * Applies {@code LOG_LEVEL}, {@code LOG_FILE} and {@code LOG_FORMAT} (also when they come from
   * {@code .env}, which the start-up configuration cannot see).
   */
  public static void configureLogging(AutomationConfig config) {
    try {
      Logging.configure(config.logLevel(), config.logFile(), config.logFormat() == LogFormat.JSON);
    } catch (IllegalStateException e) {
      // SPEC §7: a bad value is one line naming the variable, exit 2
      throw new UsageProblem(
          "LOG_FILE: cannot open "
              + config.logFile().map(Object::toString).orElse("the log file")
              + " for writing");
    }
  }
}
