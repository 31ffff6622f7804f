package com.feesmanager.automation.ports.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The QR code a WhatsApp session shows while it waits for a scan (SPEC §8 heartbeat {@code
 * wppconnect.qr}): an image as a {@code data:} URL, and when it is likely to have been replaced.
 */
public record PairingQr(String dataUrl, Instant expiresAt) {

  public PairingQr {
    Objects.requireNonNull(dataUrl, "'dataUrl' must not be null");
    Objects.requireNonNull(expiresAt, "'expiresAt' must not be null");
    if (dataUrl.isBlank()) {
      throw new IllegalArgumentException("'dataUrl' must not be blank");
    }
  }
}
