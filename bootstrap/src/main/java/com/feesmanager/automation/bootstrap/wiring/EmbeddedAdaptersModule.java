package com.feesmanager.automation.bootstrap.wiring;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryAlertGate;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOccurrenceClaims;
import com.feesmanager.automation.adapters.local.InMemoryOperatorHolds;
import com.feesmanager.automation.adapters.local.InMemoryRateLimitLedger;
import com.feesmanager.automation.adapters.local.InMemoryRunLog;
import com.feesmanager.automation.adapters.local.InMemorySessionBindings;
import com.feesmanager.automation.adapters.local.InMemorySessionLeases;
import com.feesmanager.automation.adapters.local.InMemoryStatusBoard;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.OperatorHolds;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.SendTimeReads;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StudentDirectory;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.Objects;

/**
 * Binds the outbound ports to the embedded default (SPEC §9): account files, in-process queue,
 * claims, ledger, leases and logs, and the outbox gateway. The one wiring of the embedded default,
 * for {@code demo}, {@code preview --data} and {@code tick --data}.
 */
public final class EmbeddedAdaptersModule extends AbstractModule {

  /** SPEC §7's default {@code VISIBILITY_TIMEOUT}. */
  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofMinutes(2);

  /** SPEC §7's default {@code DEDUPE_RETENTION}. */
  public static final Duration DEFAULT_DEDUPE_RETENTION = Duration.ofDays(14);

  private final FileAccountData data;
  private final OutboxGateway outbox;
  private final Duration visibilityTimeout;
  private final Duration dedupeRetention;

  /** With SPEC §7's default visibility timeout and dedupe retention (no environment read). */
  public EmbeddedAdaptersModule(FileAccountData data, OutboxGateway outbox) {
    this(data, outbox, DEFAULT_VISIBILITY_TIMEOUT, DEFAULT_DEDUPE_RETENTION);
  }

  public EmbeddedAdaptersModule(
      FileAccountData data,
      OutboxGateway outbox,
      Duration visibilityTimeout,
      Duration dedupeRetention) {
    this.data = Objects.requireNonNull(data, "'data' must not be null");
    this.outbox = Objects.requireNonNull(outbox, "'outbox' must not be null");
    this.visibilityTimeout =
        Objects.requireNonNull(visibilityTimeout, "'visibilityTimeout' must not be null");
    this.dedupeRetention =
        Objects.requireNonNull(dedupeRetention, "'dedupeRetention' must not be null");
  }

  @Provides
  AccountDirectory accounts() {
    return data;
  }

  @Provides
  RuleSource rules() {
    return data;
  }

  @Provides
  StudentDirectory students() {
    return data;
  }

  @Provides
  SendTimeReads sendTimeReads() {
    return SendTimeReads.ONE_BY_ONE;
  }

  @Provides
  @Singleton
  InMemoryMessageQueue inMemoryQueue() {
    return new InMemoryMessageQueue(visibilityTimeout, dedupeRetention);
  }

  @Provides
  MessageQueue queue(InMemoryMessageQueue queue) {
    return queue;
  }

  @Provides
  QueueMonitor queueMonitor(InMemoryMessageQueue queue) {
    return queue;
  }

  @Provides
  @Singleton
  OccurrenceClaims claims() {
    return new InMemoryOccurrenceClaims();
  }

  @Provides
  @Singleton
  RateLimitLedger ledger() {
    return new InMemoryRateLimitLedger();
  }

  @Provides
  @Singleton
  SessionLeases leases() {
    return new InMemorySessionLeases();
  }

  @Provides
  @Singleton
  SessionBindings bindings() {
    return new InMemorySessionBindings();
  }

  @Provides
  @Singleton
  OperatorHolds operatorHolds() {
    return new InMemoryOperatorHolds();
  }

  @Provides
  @Singleton
  AlertGate alertGate() {
    return new InMemoryAlertGate();
  }

  /** The log itself, for {@code demo}'s summary. */
  @Provides
  @Singleton
  InMemoryDeliveryLog inMemoryDeliveryLog() {
    return new InMemoryDeliveryLog();
  }

  @Provides
  DeliveryLog deliveryLog(InMemoryDeliveryLog log) {
    return log;
  }

  @Provides
  @Singleton
  RunLog runLog() {
    return new InMemoryRunLog();
  }

  @Provides
  @Singleton
  StatusBoard statusBoard() {
    return new InMemoryStatusBoard();
  }

  @Provides
  WhatsAppGateway gateway() {
    return outbox;
  }
}
