package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import com.feesmanager.automation.domain.message.PhoneNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Logs name sessions and masked numbers; never a token, a secret key or a full number. */
class LogsIT {

  static final String SECRET = "Sup3rS3cretKey";
  static final PhoneNumber PARENT = new PhoneNumber("923001234567");

  @Test
  void aBusyRun_leavesNoSecretAndNoFullNumberInTheLog() throws IOException {
    // given
    String fixedToken;
    try (WppConnectServerDouble server = WppConnectServerDouble.start(SECRET)) {
      server.connect("academy-1");
      fixedToken = server.issueToken("academy-1");
      server.notOnWhatsApp("923001234567");
      WppConnectConfig config =
          WppConnectConfig.of(server.baseUrl(), Optional.of(fixedToken), Optional.of(SECRET))
              .withTimeout(Duration.ofSeconds(2));
      try (WppConnectGateway gateway = new WppConnectGateway(config)) {

        // when: a send refused as not on WhatsApp, a regeneration, a 500, a session check
        gateway.send("academy-1", PARENT, "one");
        server.changeSecretKey(SECRET);
        server.replyToNextSends(SendReply.serverError());
        gateway.send("academy-1", new PhoneNumber("923331112223"), "two");
        gateway.checkNumber("academy-1", PARENT);
        gateway.sessionState("academy-1");
        gateway.startSession("academy-2");
      }
      try (WppConnectGateway wrongKey =
          new WppConnectGateway(
              WppConnectConfig.of(
                  server.baseUrl(), Optional.empty(), Optional.of("WrongKey999")))) {
        wrongKey.send("academy-3", PARENT, "three");
      }
    }

    // then
    String log = Files.readString(Path.of("target", "wppconnect-test.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("92300*****67")
        .doesNotContain("923001234567")
        .doesNotContain("923331112223")
        .doesNotContain(SECRET)
        .doesNotContain("WrongKey999")
        .doesNotContain(fixedToken)
        .doesNotContain("$2b$10$");
  }
}
