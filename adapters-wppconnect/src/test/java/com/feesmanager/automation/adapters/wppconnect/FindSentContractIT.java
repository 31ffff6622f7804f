package com.feesmanager.automation.adapters.wppconnect;

import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.feesmanager.automation.ports.out.contract.WhatsAppGatewayFindSentContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/** The findSent contract over real HTTP against the server double's chats. */
class FindSentContractIT extends WhatsAppGatewayFindSentContract {

  private static final String SESSION = "academy-1";

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @Override
  protected WhatsAppGateway gateway() {
    server = WppConnectServerDouble.start();
    server.connect(SESSION);
    gateway = new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)));
    return gateway;
  }

  @Override
  protected String session() {
    return SESSION;
  }

  @Override
  protected Instant now() {
    return Instant.now();
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }
}
