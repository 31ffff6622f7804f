package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The encoder {@code logback.xml} names: masked text lines, or masked JSON lines when its {@code
 * format} is {@code json} (any case), so one appender serves both {@code LOG_FORMAT}s.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

  // One appender with a switching encoder rather than two appenders picked by name: logback warns
  // (and dumps its status on stderr at every start) about an appender that is not referenced.
  private String format = "text";
  private Encoder<ILoggingEvent> delegate;

  /** {@code json} or {@code text}; anything else falls back to text with a status warning. */
  public void setFormat(String format) {
    this.format = format;
  }

  @Override
  public void start() {
    String chosen = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    if (!chosen.equals("json") && !chosen.equals("text")) {
      addWarn("LOG_FORMAT must be text or json; using text");
    }
    delegate = Logging.encoder(getContext(), chosen.equals("json"));
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
