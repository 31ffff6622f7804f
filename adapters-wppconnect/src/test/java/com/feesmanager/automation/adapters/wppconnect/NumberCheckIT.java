package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.NumberCheck;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** check-number-status: id as an object when the number exists, a string when not; 404 down. */
class NumberCheckIT {

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    server.connect("academy-1");
    gateway = new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void aNumberOnWhatsApp_exists_withItsWhatsAppId() {
    assertThat(gateway.checkNumber("academy-1", new PhoneNumber("923001234567")))
        .isEqualTo(new NumberCheck.Exists("923001234567@c.us", true));
  }

  @Test
  void aNumberNotOnWhatsApp_doesNotExist() {
    // given
    server.notOnWhatsApp("923009999999");

    // when / then
    assertThat(gateway.checkNumber("academy-1", new PhoneNumber("923009999999")))
        .isEqualTo(new NumberCheck.DoesNotExist());
  }

  @Test
  void aSessionThatIsDown_cannotTell() {
    // given
    server.setState("academy-1", WppConnectServerDouble.State.CLOSED);

    // when
    NumberCheck check = gateway.checkNumber("academy-1", new PhoneNumber("923001234567"));

    // then
    assertThat(check).isInstanceOf(NumberCheck.CannotTell.class);
    assertThat(((NumberCheck.CannotTell) check).reason()).isEqualTo("SESSION_DOWN");
  }

  @Test
  void aUrlThatIsNotTheApi_cannotTell_GATEWAY_MISCONFIGURED_withoutTheSecretKey() {
    try (WppConnectGateway wrong =
        new WppConnectGateway(
            DoubleConfig.at(
                java.net.URI.create(server.baseUrl() + "/wpp"), java.time.Duration.ofSeconds(2)))) {

      // when
      NumberCheck check = wrong.checkNumber("academy-1", new PhoneNumber("923001234567"));

      // then
      assertThat(check).isInstanceOf(NumberCheck.CannotTell.class);
      assertThat(((NumberCheck.CannotTell) check).reason()).isEqualTo("GATEWAY_MISCONFIGURED");
      assertThat(((NumberCheck.CannotTell) check).detail())
          .contains("WPPCONNECT_SERVER_URL")
          .doesNotContain(WppConnectServerDouble.DEFAULT_SECRET);
    }
  }
}
