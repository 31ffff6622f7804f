package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.feesmanager.automation.domain.message.PhoneMasking;

/** The {@code %maskedMsg} pattern word: the formatted message with phone numbers masked. */
public final class MaskedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PhoneMasking.mask(super.convert(event));
  }
}
