package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.feesmanager.automation.domain.message.PhoneMasking;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text line: {@code 2026-11-20T10:00:30.123+05:00 INFO [thread] c.f.a.Logger - message}, phone
 * numbers masked in the message and the stack trace that follows it.
 */
final class TextLineLayout extends LayoutBase<ILoggingEvent> {

  // Written in code rather than as a PatternLayout: starting a PatternLayout (its parser and
  // converter registry) costs about 0.15 s of a command's start-up.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private final ZoneId zone = ZoneId.systemDefault();
  private final TargetLengthBasedClassNameAbbreviator abbreviator =
      new TargetLengthBasedClassNameAbbreviator(36);

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone), line);
    String level = event.getLevel().toString();
    line.append(' ').append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    line.append(" [").append(event.getThreadName()).append("] ");
    line.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ");
    line.append(PhoneMasking.mask(event.getFormattedMessage()))
        .append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      line.append(PhoneMasking.mask(ThrowableProxyUtil.asString(throwable)))
          .append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }
}
