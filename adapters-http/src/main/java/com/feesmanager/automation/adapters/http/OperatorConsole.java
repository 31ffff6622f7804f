package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.GetStatusUseCase;
import com.feesmanager.automation.ports.in.PreviewOccurrenceUseCase;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueueMonitor;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the operator console (SPEC §8, {@code GET /console}) reads and acts on: the accounts and
 * their heartbeats, the message logs, the dead letters, the holds, the preview; and the QR code of
 * a session waiting for a scan, when the gateway shows one.
 */
public record OperatorConsole(
    AccountDirectory accounts,
    GetStatusUseCase status,
    DeliveryLog logs,
    QueueMonitor queue,
    OperatorHolds holds,
    PreviewOccurrenceUseCase preview,
    Function<String, Optional<String>> qrCodeOfSession,
    Clock clock) {

  public OperatorConsole {
    Objects.requireNonNull(accounts, "'accounts' must not be null");
    Objects.requireNonNull(status, "'status' must not be null");
    Objects.requireNonNull(logs, "'logs' must not be null");
    Objects.requireNonNull(queue, "'queue' must not be null");
    Objects.requireNonNull(holds, "'holds' must not be null");
    Objects.requireNonNull(preview, "'preview' must not be null");
    Objects.requireNonNull(qrCodeOfSession, "'qrCodeOfSession' must not be null");
    Objects.requireNonNull(clock, "'clock' must not be null");
  }
}
