package com.feesmanager.automation.adapters.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxGatewayTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PhoneNumber imran = new PhoneNumber("923001234567");

  private OutboxGateway gateway(Path outbox) {
    return new OutboxGateway(new PrintStream(console, true, UTF_8), outbox);
  }

  @Test
  void send_showsTheMessageOnTheConsole_appendsItToTheOutbox_andNumbersTheIds() throws IOException {
    // given
    Path outbox = dir.resolve("outbox.txt");
    OutboxGateway gateway = gateway(outbox);
    String urdu = "السلام علیکم عمران صاحب،\nعلی کی فیس PKR 4,000 باقی ہے۔";

    // when
    SendResult first = gateway.send("demo", imran, "Dear Parent, PKR 4,000 is overdue.");
    SendResult second = gateway.send("demo", imran, urdu);

    // then
    assertThat(first).isEqualTo(new SendResult.Sent("outbox-1", false));
    assertThat(second).isEqualTo(new SendResult.Sent("outbox-2", false));
    String expected =
        "=== outbox-1 | session demo | to +923001234567 ===\n"
            + "Dear Parent, PKR 4,000 is overdue.\n"
            + "\n"
            + "=== outbox-2 | session demo | to +923001234567 ===\n"
            + urdu
            + "\n\n";
    assertThat(console.toString(UTF_8)).isEqualTo(expected);
    assertThat(Files.readString(outbox, UTF_8)).isEqualTo(expected);
  }

  @Test
  void send_appendsToAnExistingOutbox_andCreatesMissingDirectories() throws IOException {
    // given
    Path outbox = dir.resolve("runs").resolve("today").resolve("outbox.txt");
    gateway(outbox).send("demo", imran, "first run");

    // when
    gateway(outbox).send("demo", imran, "second run");

    // then
    assertThat(Files.readString(outbox, UTF_8))
        .contains("first run")
        .contains("second run")
        .startsWith("=== outbox-1");
  }

  @Test
  void send_whenTheOutboxCannotBeWritten_holdsTheMessage_andShowsNothing() {
    // given an outbox path that is a directory
    OutboxGateway gateway = gateway(dir);

    // when
    SendResult result = gateway.send("demo", imran, "hello");

    // then
    assertThat(result).isInstanceOf(SendResult.Unreachable.class);
    assertThat(((SendResult.Unreachable) result).detail()).contains(dir.toString());
    assertThat(console.toString(UTF_8)).isEmpty();
  }

  @Test
  void everySession_isConnected() {
    // given
    OutboxGateway gateway = gateway(dir.resolve("outbox.txt"));

    // when / then
    assertThat(gateway.sessionState("demo")).isEqualTo(SessionState.CONNECTED);
    assertThat(gateway.startSession("any")).isEqualTo(SessionState.CONNECTED);
  }

  @Test
  void everyNumber_isOnWhatsApp() {
    // given
    OutboxGateway gateway = gateway(dir.resolve("outbox.txt"));

    // when / then
    assertThat(gateway.checkNumber("demo", imran))
        .isEqualTo(new NumberCheck.Exists("923001234567", true));
  }
}
