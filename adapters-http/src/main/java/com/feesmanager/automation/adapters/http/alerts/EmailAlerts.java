package com.feesmanager.automation.adapters.http.alerts;

import com.feesmanager.automation.ports.out.Alert;
import com.feesmanager.automation.ports.out.Alerts;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails each alert to {@code ALERT_EMAIL_TO} through {@code SMTP_URL} (SPEC §7, §8) with Jakarta
 * Mail (Eclipse Angus), TLS always (implicit for {@code smtps://}, STARTTLS for {@code smtp://})
 * and the server's certificate checked against its name. Like {@link WebhookAlerts} it sends on its
 * own thread: {@link #raise} never blocks and never throws; a failure is one WARN line naming the
 * server, never the password. Subject {@code [LEVEL] EVENT account}, body the alert's text (phone
 * numbers masked) and its instant.
 */
public final class EmailAlerts implements Alerts, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmailAlerts.class);

  private final SmtpSettings settings;
  private final Session session;
  private final Duration drain;
  private final ThreadPoolExecutor executor;

  public EmailAlerts(SmtpSettings settings) {
    this(settings, new Properties(), WebhookAlerts.DRAIN);
  }

  /**
   * As {@link #EmailAlerts(SmtpSettings)}, with extra Jakarta Mail properties (tests' trust) and
   * the time {@link #close} waits for e-mails still queued.
   */
  EmailAlerts(SmtpSettings settings, Properties extra, Duration drain) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.drain = Objects.requireNonNull(drain, "'drain' must not be null");
    Properties properties = properties(settings, WebhookAlerts.TIMEOUT);
    properties.putAll(extra);
    this.session = Session.getInstance(properties);
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(WebhookAlerts.CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, "alert-email");
              thread.setDaemon(true);
              return thread;
            });
  }

  private static Properties properties(SmtpSettings settings, Duration timeout) {
    String protocol = settings.implicitTls() ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", protocol);
    properties.put(prefix + "host", settings.host());
    properties.put(prefix + "port", Integer.toString(settings.port()));
    properties.put(prefix + "auth", Boolean.toString(settings.user().isPresent()));
    String millis = Long.toString(timeout.toMillis());
    properties.put(prefix + "connectiontimeout", millis);
    properties.put(prefix + "timeout", millis);
    properties.put(prefix + "writetimeout", millis);
    properties.put(prefix + "ssl.checkserveridentity", "true");
    if (!settings.implicitTls() && settings.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    return properties;
  }

  @Override
  public void raise(Alert alert) {
    Objects.requireNonNull(alert, "'alert' must not be null");
    try {
      executor.execute(() -> send(alert));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "alert {} for account '{}' not e-mailed: {}",
          alert.event(),
          alert.account(),
          executor.isShutdown()
              ? "alerts are closed"
              : "too many alerts waiting for " + settings.target());
    }
  }

  private void send(Alert alert) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from()));
      for (String to : settings.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      message.setSubject(subject(alert), StandardCharsets.UTF_8.name());
      message.setText(body(alert), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(alert.at()));
      try (Transport transport = session.getTransport()) {
        transport.connect(
            settings.host(),
            settings.port(),
            settings.user().orElse(null),
            settings.password().orElse(null));
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.warn(
          "alert {} for account '{}' not e-mailed through {}: {}",
          alert.event(),
          alert.account(),
          settings.target(),
          describe(e));
    }
  }

  /** {@code [CRITICAL] MESSAGE_DEAD academy-1 (fees-automation)}. */
  static String subject(Alert alert) {
    String text = AlertJson.text(alert);
    int colon = text.indexOf(": ");
    return (colon < 0 ? text : text.substring(0, colon)) + " (fees-automation)";
  }

  private static String body(Alert alert) {
    return AlertJson.text(alert) + "\n\nat " + alert.at() + "\n";
  }

  // The password never reaches an exception message; the user name may, which is fine.
  private String describe(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String safe =
        settings.password().map(password -> message.replace(password, "****")).orElse(message);
    return e.getClass().getSimpleName() + (safe.isBlank() ? "" : ": " + safe.strip());
  }

  /** Stops taking alerts and waits up to the drain time for queued e-mails, dropping the rest. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Runnable> dropped = executor.shutdownNow();
    LOG.warn(
        "{} alert(s) not e-mailed through {} within {} of shutdown",
        dropped.size(),
        settings.target(),
        drain);
  }
}
