package com.feesmanager.automation.bootstrap.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.feesmanager.automation.ports.out.Alert;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingAlertsTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingAlerts.class);

  @BeforeEach
  void attach() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(log);
  }

  @Test
  void warnings_log_at_warn_and_critical_alerts_at_error() {
    // given
    LoggingAlerts alerts = new LoggingAlerts();
    Instant at = Instant.parse("2026-11-20T05:00:30Z");

    // when
    alerts.raise(
        new Alert(Alert.Level.WARNING, "RULE_INVALID", "acct-1", "rule r1 is invalid", at));
    alerts.raise(new Alert(Alert.Level.CRITICAL, "REDIS_DOWN", "", "Redis unreachable", at));

    // then
    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Level.WARN,
                "alert RULE_INVALID account=acct-1 at=2026-11-20T05:00:30Z: rule r1 is invalid"),
            org.assertj.core.groups.Tuple.tuple(
                Level.ERROR,
                "alert REDIS_DOWN account=- at=2026-11-20T05:00:30Z: Redis unreachable"));
  }
}
