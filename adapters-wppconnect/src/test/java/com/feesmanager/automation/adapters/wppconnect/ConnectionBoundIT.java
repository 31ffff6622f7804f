package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The gateway never has more requests open to the server than its connection bound. */
class ConnectionBoundIT {

  @Test
  void sixConcurrentSlowSends_overTwoConnections_allGoThrough_twoAtATime() {
    try (WppConnectServerDouble server = WppConnectServerDouble.start()) {
      // given
      for (int i = 0; i < 6; i++) {
        server.connect("academy-" + i);
        server.replyToNextSends(new SendReply.Slow(Duration.ofMillis(150)));
      }
      WppConnectConfig config =
          DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(5)).withMaxConnections(2);
      ExecutorService workers = Executors.newFixedThreadPool(6);
      try (WppConnectGateway gateway = new WppConnectGateway(config)) {

        // when
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          String session = "academy-" + i;
          sends.add(
              CompletableFuture.supplyAsync(
                  () -> gateway.send(session, new PhoneNumber("923001234567"), "hello"), workers));
        }

        // then
        assertThat(sends)
            .allSatisfy(send -> assertThat(send.join()).isInstanceOf(SendResult.Sent.class));
        assertThat(server.maxConcurrentSends()).isEqualTo(2);
      } finally {
        workers.shutdownNow();
      }
    }
  }
}
