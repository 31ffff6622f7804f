package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@link JsonEncoder} (one JSON object per line) over a view of the event whose message,
 * arguments and exception messages have phone numbers masked.
 */
public final class MaskingJsonEncoder extends JsonEncoder {

  /**
   * The formatted message instead of the pattern and its arguments (what an operator reads), and no
   * logger-context block (the same on every line).
   */
  public MaskingJsonEncoder() {
    setWithFormattedMessage(true);
    setWithMessage(false);
    setWithArguments(false);
    setWithContext(false);
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    // Masking the finished line instead would also mask the 13-digit epoch-millis timestamp.
    return super.encode(new MaskedLoggingEvent(event));
  }
}
