package com.feesmanager.automation.runner.daemon.metrics;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Times each send of the wrapped gateway; the other calls pass straight through. */
final class TimedGateway implements WhatsAppGateway {

  private final WhatsAppGateway gateway;
  private final DaemonMetrics metrics;

  TimedGateway(WhatsAppGateway gateway, DaemonMetrics metrics) {
    this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
  }

  @Override
  public SendResult send(String session, PhoneNumber to, String text) {
    long start = System.nanoTime();
    String outcome = "EXCEPTION";
    try {
      SendResult result = gateway.send(session, to, text);
      outcome = result.getClass().getSimpleName();
      return result;
    } finally {
      metrics.recordSendLatency(session, outcome, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Override
  public SessionState sessionState(String session) {
    return gateway.sessionState(session);
  }

  @Override
  public SessionState startSession(String session) {
    return gateway.startSession(session);
  }

  @Override
  public NumberCheck checkNumber(String session, PhoneNumber number) {
    return gateway.checkNumber(session, number);
  }

  @Override
  public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
    return gateway.findSent(session, to, text, notBefore);
  }

  @Override
  public ConnectionCheck checkConnection(String session) {
    return gateway.checkConnection(session);
  }

  @Override
  public boolean closeSession(String session) {
    return gateway.closeSession(session);
  }

  @Override
  public Optional<String> pairingQr(String session) {
    return gateway.pairingQr(session);
  }
}
