package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WppConnectConfigTest {

  static final URI URL = URI.create("http://wppconnect-server:21465");

  @Test
  void defaults_followTheSpec() {
    WppConnectConfig config = WppConnectConfig.of(URL, Optional.empty(), Optional.of("key"));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxConnections()).isEqualTo(8);
    assertThat(config.webhookUrl()).isEmpty();
  }

  @Test
  void toString_neverShowsSecrets() {
    WppConnectConfig config =
        WppConnectConfig.of(URL, Optional.of("$2b$10$tokenvalue"), Optional.of("THEKEY"))
            .withWebhookUrl(URI.create("http://daemon:8081/webhooks/wppconnect/HOOKSECRET"));
    assertThat(config.toString())
        .doesNotContain("tokenvalue")
        .doesNotContain("THEKEY")
        .doesNotContain("HOOKSECRET")
        .contains("wppconnect-server:21465");
  }

  @Test
  void credentials_areRequired_andNotBlank() {
    assertThatThrownBy(() -> WppConnectConfig.of(URL, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WPPCONNECT_SECRET_KEY");
    assertThatThrownBy(() -> WppConnectConfig.of(URL, Optional.of(" "), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUrl_mustBeHttp_andDurationsPositive() {
    assertThatThrownBy(
            () -> WppConnectConfig.of(URI.create("ftp://host"), Optional.of("t"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    WppConnectConfig config = WppConnectConfig.of(URL, Optional.of("t"), Optional.empty());
    assertThatThrownBy(() -> config.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withMaxConnections(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShortTimeout_shortensTheConnectTimeoutToo() {
    WppConnectConfig config =
        WppConnectConfig.of(URL, Optional.of("t"), Optional.empty())
            .withTimeout(Duration.ofSeconds(2));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
  }
}
