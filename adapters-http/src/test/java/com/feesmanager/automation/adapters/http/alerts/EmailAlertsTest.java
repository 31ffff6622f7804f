package com.feesmanager.automation.adapters.http.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.feesmanager.automation.ports.out.Alert;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Against GreenMail, a real SMTP server in the test: SMTPS (TLS from the start) on a free port. */
class EmailAlertsTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z");
  private static final String PASSWORD = "s3cr3t-Passw0rd";

  /** Close waits this long for the e-mail in flight: a loaded machine is slow, never wrong. */
  private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(60);

  private GreenMail smtp;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
    smtp.setUser("alerts@academy.example", "alerts", PASSWORD);
    smtp.start();
    log.start();
    ((Logger) LoggerFactory.getLogger(EmailAlerts.class)).addAppender(log);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(EmailAlerts.class)).detachAppender(log);
    smtp.stop();
  }

  private SmtpSettings settings(String password, List<String> to) {
    return new SmtpSettings(
        "127.0.0.1",
        smtp.getSmtps().getPort(),
        true,
        false,
        Optional.of("alerts"),
        Optional.of(password),
        "alerts@academy.example",
        to);
  }

  /** GreenMail's certificate is self-signed: the test trusts it (production checks it). */
  private static Properties trustGreenMail() {
    Properties trust = new Properties();
    trust.put("mail.smtps.ssl.trust", "127.0.0.1");
    trust.put("mail.smtps.ssl.checkserveridentity", "false");
    return trust;
  }

  @Test
  void an_alert_is_mailed_over_tls_to_every_recipient_with_phone_numbers_masked() throws Exception {
    // given
    List<String> to = List.of("owner@academy.example", "ops@academy.example");
    try (EmailAlerts alerts = new EmailAlerts(settings(PASSWORD, to), trustGreenMail(), DRAIN)) {
      // when
      alerts.raise(
          new Alert(
              Alert.Level.CRITICAL,
              "MESSAGE_DEAD",
              "academy-1",
              "message to 923001234567 went dead after 3 attempts",
              AT));

      // then (close waits for the e-mail in flight)
    }
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[CRITICAL] MESSAGE_DEAD academy-1 (fees-automation)");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@academy.example");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("owner@academy.example", "ops@academy.example");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains("[CRITICAL] MESSAGE_DEAD academy-1: message to 92300*****67 went dead")
        .contains("2026-11-20T05:00:30Z")
        .doesNotContain("923001234567");
  }

  @Test
  void a_refused_login_is_one_warning_naming_the_server_and_never_the_password() throws Exception {
    // given
    try (EmailAlerts alerts =
        new EmailAlerts(
            settings("wrong-" + PASSWORD, List.of("o@a.example")), trustGreenMail(), DRAIN)) {
      // when
      alerts.raise(new Alert(Alert.Level.WARNING, "RULE_INVALID", "academy-1", "bad rule", AT));
    }

    // then (close waited for the attempt)
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(log.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getFormattedMessage())
                    .contains("RULE_INVALID")
                    .contains("smtps://127.0.0.1:" + smtp.getSmtps().getPort())
                    .doesNotContain(PASSWORD));
  }

  @Test
  void the_settings_never_show_the_password() {
    assertThat(settings(PASSWORD, List.of("o@a.example")).toString())
        .contains("smtps://127.0.0.1")
        .contains("****")
        .doesNotContain(PASSWORD);
  }
}
