package com.feesmanager.automation.adapters.wppconnect;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Gateway settings that reach a {@link WppConnectServerDouble} at {@code url} with its secret. */
final class DoubleConfig {

  private DoubleConfig() {}

  static WppConnectConfig at(URI url) {
    return WppConnectConfig.of(
        url, Optional.empty(), Optional.of(WppConnectServerDouble.DEFAULT_SECRET));
  }

  static WppConnectConfig at(URI url, Duration timeout) {
    return at(url).withTimeout(timeout);
  }
}
