package com.feesmanager.automation.bootstrap.wiring;

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
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Binds the outbound ports to the server adapters: Firestore, Redis, wppconnect-server. */
public final class ServerAdaptersModule extends AbstractModule {

  private final ServerClients clients;
  private final UnaryOperator<WhatsAppGateway> gatewayWrapper;

  public ServerAdaptersModule(ServerClients clients) {
    this(clients, UnaryOperator.identity());
  }

  /** With the gateway wrapped by {@code gatewayWrapper} (e.g. to time each send). */
  public ServerAdaptersModule(
      ServerClients clients, UnaryOperator<WhatsAppGateway> gatewayWrapper) {
    this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
    this.gatewayWrapper =
        Objects.requireNonNull(gatewayWrapper, "'gatewayWrapper' must not be null");
  }

  @Provides
  AccountDirectory accounts() {
    return clients.firestore().accountDirectory();
  }

  @Provides
  RuleSource rules() {
    return clients.firestore().ruleSource();
  }

  @Provides
  StudentDirectory students() {
    return clients.firestore().studentDirectory();
  }

  @Provides
  DeliveryLog deliveryLog() {
    return clients.firestore().deliveryLog();
  }

  @Provides
  SendTimeReads sendTimeReads() {
    return clients.firestore().sendTimeReads();
  }

  @Provides
  RunLog runLog() {
    return clients.firestore().runLog();
  }

  @Provides
  StatusBoard statusBoard() {
    return clients.firestore().statusBoard();
  }

  @Provides
  MessageQueue queue() {
    return clients.redis().messageQueue();
  }

  @Provides
  QueueMonitor queueMonitor() {
    return clients.redis().messageQueue();
  }

  @Provides
  OccurrenceClaims claims() {
    return clients.redis().occurrenceClaims();
  }

  @Provides
  RateLimitLedger ledger() {
    return clients.redis().rateLimitLedger();
  }

  @Provides
  SessionLeases leases() {
    return clients.redis().sessionLeases();
  }

  /** SPEC §8: alerts de-duplicated across every daemon and tick on this Redis. */
  @Provides
  AlertGate alertGate() {
    return clients.redis().alertGate();
  }

  /** SPEC §8 operator console: a hold is seen by every daemon and tick on this Redis. */
  @Provides
  OperatorHolds operatorHolds() {
    return clients.redis().operatorHolds();
  }

  @Provides
  SessionBindings bindings() {
    return clients.firestore().sessionBindings();
  }

  @Provides
  WhatsAppGateway gateway() {
    return gatewayWrapper.apply(clients.gateway());
  }
}
