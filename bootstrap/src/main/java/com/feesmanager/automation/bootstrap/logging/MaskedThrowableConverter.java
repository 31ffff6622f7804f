package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.feesmanager.automation.domain.message.PhoneMasking;

/**
 * The {@code %maskedEx} pattern word: the stack trace with phone numbers masked, since exception
 * messages (a gateway's error body, say) may quote a recipient.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PhoneMasking.mask(super.convert(event));
  }
}
