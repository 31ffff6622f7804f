package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import com.feesmanager.automation.domain.message.PhoneMasking;

/** A throwable (and its causes and suppressed throwables) with phone numbers masked. */
final class MaskedThrowableProxy implements IThrowableProxy {

  private final IThrowableProxy proxy;

  MaskedThrowableProxy(IThrowableProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public String getOverridingMessage() {
    return PhoneMasking.mask(proxy.getOverridingMessage());
  }

  @Override
  public String getMessage() {
    return PhoneMasking.mask(proxy.getMessage());
  }

  @Override
  public String getClassName() {
    return proxy.getClassName();
  }

  @Override
  public StackTraceElementProxy[] getStackTraceElementProxyArray() {
    return proxy.getStackTraceElementProxyArray();
  }

  @Override
  public int getCommonFrames() {
    return proxy.getCommonFrames();
  }

  @Override
  public IThrowableProxy getCause() {
    IThrowableProxy cause = proxy.getCause();
    return cause == null ? null : new MaskedThrowableProxy(cause);
  }

  @Override
  public IThrowableProxy[] getSuppressed() {
    IThrowableProxy[] suppressed = proxy.getSuppressed();
    if (suppressed == null) {
      return null;
    }
    IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
    for (int i = 0; i < suppressed.length; i++) {
      masked[i] = new MaskedThrowableProxy(suppressed[i]);
    }
    return masked;
  }

  @Override
  public boolean isCyclic() {
    return proxy.isCyclic();
  }
}
