package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens: generated per session and cached, regenerated once on 401, then a clear failure. */
class TokensIT {

  static final PhoneNumber PARENT = new PhoneNumber("923001234567");

  private WppConnectServerDouble server;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start("s3cr3t/key");
    server.connect("academy-1");
    server.connect("academy-2");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WppConnectGateway gateway(Optional<String> token, Optional<String> secret) {
    return new WppConnectGateway(
        WppConnectConfig.of(server.baseUrl(), token, secret)
            .withTimeout(Duration.ofSeconds(2))
            .withProbeInterval(Duration.ofMillis(300)));
  }

  @Test
  void aTokenIsGeneratedOncePerSession_fromTheSecretKey_andCached() {
    try (WppConnectGateway gateway = gateway(Optional.empty(), Optional.of("s3cr3t/key"))) {
      // when
      for (int i = 0; i < 3; i++) {
        assertThat(gateway.send("academy-1", PARENT, "hello " + i))
            .isInstanceOf(SendResult.Sent.class);
      }
      assertThat(gateway.send("academy-2", PARENT, "hello")).isInstanceOf(SendResult.Sent.class);

      // then one generate-token per session, none afterwards
      assertThat(server.requests("generate-token")).isEqualTo(2);
      assertThat(server.sends()).hasSize(4);
    }
  }

  @Test
  void theFixedToken_isUsedAsIs_withoutGeneratingOne() {
    // given
    String token = server.issueToken("academy-1");
    try (WppConnectGateway gateway = gateway(Optional.of(token), Optional.empty())) {
      // when
      SendResult result = gateway.send("academy-1", PARENT, "hello");

      // then
      assertThat(result).isInstanceOf(SendResult.Sent.class);
      assertThat(server.requests("generate-token")).isZero();
    }
  }

  @Test
  void aRefusedFixedToken_isReplacedOnce_byOneGeneratedFromTheSecretKey() {
    try (WppConnectGateway gateway =
        gateway(
            Optional.of("$2b$10$stale.token.from.another.deployment"), Optional.of("s3cr3t/key"))) {
      // when
      SendResult first = gateway.send("academy-1", PARENT, "hello");
      SendResult second = gateway.send("academy-1", PARENT, "again");

      // then
      assertThat(first).isInstanceOf(SendResult.Sent.class);
      assertThat(second).isInstanceOf(SendResult.Sent.class);
      assertThat(server.requests("generate-token")).isEqualTo(1);
      assertThat(server.requests("send-message")).isEqualTo(3);
    }
  }

  @Test
  void aCachedTokenThatStopsWorking_isRegeneratedOnce_andTheSendGoesThrough() {
    try (WppConnectGateway gateway = gateway(Optional.empty(), Optional.of("s3cr3t/key"))) {
      // given a cached token, then the server forgets it (restart with a wiped token store)
      gateway.send("academy-1", PARENT, "hello");
      server.changeSecretKey("s3cr3t/key");

      // when
      SendResult result = gateway.send("academy-1", PARENT, "again");

      // then
      assertThat(result).isInstanceOf(SendResult.Sent.class);
      assertThat(server.requests("generate-token")).isEqualTo(2);
    }
  }

  @Test
  void aTokenRefusedEvenWhenFresh_isAnAuthenticationFailure_afterOneRegeneration_noStorm() {
    try (WppConnectGateway gateway = gateway(Optional.empty(), Optional.of("s3cr3t/key"))) {
      // given
      server.rejectAllTokens(true);

      // when
      SendResult result = gateway.send("academy-1", PARENT, "hello");
      for (int i = 0; i < 5; i++) {
        gateway.send("academy-1", PARENT, "held " + i);
      }

      // then one generation for the first token, one regeneration, and the breaker holds the rest
      assertThat(result)
          .isEqualTo(
              new SendResult.AuthenticationFailed(
                  "wppconnect-server refused a freshly generated token for session academy-1"));
      assertThat(server.requests("generate-token")).isEqualTo(2);
      assertThat(server.requests("send-message")).isEqualTo(2);
      assertThat(server.sends()).isEmpty();
    }
  }

  @Test
  void aWrongSecretKey_isAnAuthenticationFailure_thatDoesNotShowTheKey() {
    try (WppConnectGateway gateway = gateway(Optional.empty(), Optional.of("wrong/secret"))) {
      // when
      SendResult result = gateway.send("academy-1", PARENT, "hello");

      // then
      assertThat(result).isInstanceOf(SendResult.AuthenticationFailed.class);
      assertThat(((SendResult.AuthenticationFailed) result).detail())
          .contains("WPPCONNECT_SECRET_KEY")
          .doesNotContain("wrong/secret")
          .doesNotContain("wrong_secret");
      assertThat(server.requests("send-message")).isZero();
    }
  }

  @Test
  void aRefusedFixedTokenWithoutASecretKey_isAnAuthenticationFailure_atOnce() {
    try (WppConnectGateway gateway =
        gateway(Optional.of("$2b$10$not.valid.anywhere"), Optional.empty())) {
      // when
      SendResult result = gateway.send("academy-1", PARENT, "hello");

      // then
      assertThat(result).isInstanceOf(SendResult.AuthenticationFailed.class);
      assertThat(server.requests("generate-token")).isZero();
      assertThat(server.requests("send-message")).isEqualTo(1);
    }
  }

  @Test
  void healthChecksUseTokensToo_andARefusalReadsAsUnreachable() {
    try (WppConnectGateway gateway = gateway(Optional.empty(), Optional.of("wrong/secret"))) {
      // when / then
      assertThat(gateway.sessionState("academy-1")).isEqualTo(SessionState.UNREACHABLE);
    }
  }
}
