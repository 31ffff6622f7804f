package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import com.feesmanager.automation.domain.message.PhoneMasking;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** A read-only view of an event with every text a phone could hide in masked. */
final class MaskedLoggingEvent implements ILoggingEvent {

  private final ILoggingEvent event;

  MaskedLoggingEvent(ILoggingEvent event) {
    this.event = event;
  }

  @Override
  public String getThreadName() {
    return event.getThreadName();
  }

  @Override
  public Level getLevel() {
    return event.getLevel();
  }

  @Override
  public String getMessage() {
    return PhoneMasking.mask(event.getMessage());
  }

  @Override
  public Object[] getArgumentArray() {
    Object[] arguments = event.getArgumentArray();
    if (arguments == null) {
      return null;
    }
    // The encoder prints arguments with String.valueOf, so masked strings print the same way.
    Object[] masked = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      masked[i] = arguments[i] == null ? null : PhoneMasking.mask(String.valueOf(arguments[i]));
    }
    return masked;
  }

  @Override
  public String getFormattedMessage() {
    return PhoneMasking.mask(event.getFormattedMessage());
  }

  @Override
  public String getLoggerName() {
    return event.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return event.getLoggerContextVO();
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    IThrowableProxy proxy = event.getThrowableProxy();
    return proxy == null ? null : new MaskedThrowableProxy(proxy);
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return event.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return event.hasCallerData();
  }

  @Override
  public List<Marker> getMarkerList() {
    return event.getMarkerList();
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    return event.getMDCPropertyMap();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Map<String, String> getMdc() {
    return event.getMdc();
  }

  @Override
  public long getTimeStamp() {
    return event.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return event.getNanoseconds();
  }

  @Override
  public long getSequenceNumber() {
    return event.getSequenceNumber();
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    return event.getKeyValuePairs();
  }

  @Override
  public void prepareForDeferredProcessing() {
    event.prepareForDeferredProcessing();
  }
}
