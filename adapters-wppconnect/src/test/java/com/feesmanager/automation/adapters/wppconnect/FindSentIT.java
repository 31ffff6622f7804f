package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SentLookup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get-messages as the answer to an ambiguous send: what counts as ours, and what is no answer. */
class FindSentIT {

  static final String SESSION = "academy-1";
  static final PhoneNumber PARENT = new PhoneNumber("923001234567");
  static final String TEXT = "Dear Parent, PKR 4,000 is overdue.";

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    server.connect(SESSION);
    gateway = new WppConnectGateway(DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void aMessageStampedAFewSecondsBeforeOurSend_isStillOurs_clockSkew() {
    // given the server's clock runs behind ours by less than the allowance
    gateway.send(SESSION, PARENT, TEXT);
    Instant ourClockAhead = Instant.now().plus(WppConnectGateway.CLOCK_SKEW).minusSeconds(5);

    // when
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, ourClockAhead);

    // then
    assertThat(lookup).isInstanceOf(SentLookup.Found.class);
  }

  @Test
  void itAsksTheChatOfTheRecipient_forTheLast20Messages() {
    // when
    gateway.findSent(SESSION, PARENT, TEXT, Instant.now());

    // then
    assertThat(server.requests("get-messages")).isEqualTo(1);
    assertThat(server.lastRequestUri("get-messages"))
        .hasValueSatisfying(
            uri ->
                assertThat(uri.toString())
                    .endsWith("/api/academy-1/get-messages/923001234567%40c.us?count=20"));
  }

  @Test
  void anErrorOnOpenList_isNoAnswer_andNoTokenIsRegenerated() {
    // given
    gateway.send(SESSION, PARENT, TEXT);
    server.failMessageLookups(true);
    int tokensBefore = server.requests("generate-token");

    // when
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, Instant.now().minusSeconds(60));

    // then
    assertThat(lookup).isInstanceOf(SentLookup.NoAnswer.class);
    assertThat(((SentLookup.NoAnswer) lookup).detail()).contains("401", "Error on open list");
    assertThat(server.requests("generate-token")).isEqualTo(tokensBefore);
  }

  @Test
  void aSessionThatIsDown_isNotNow_toBeAskedAgainWhenItIsBack() {
    // given
    server.setState(SESSION, WppConnectServerDouble.State.CLOSED);

    // when
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, Instant.now());

    // then
    assertThat(lookup).isInstanceOf(SentLookup.NotNow.class);
    assertThat(((SentLookup.NotNow) lookup).detail()).contains("404");
  }

  @Test
  void anHtmlPage_isNoAnswer() {
    try (WppConnectGateway wrong =
        new WppConnectGateway(
            DoubleConfig.at(URI.create(server.baseUrl() + "/wpp"), Duration.ofSeconds(2)))) {
      assertThat(wrong.findSent(SESSION, PARENT, TEXT, Instant.now()))
          .isInstanceOf(SentLookup.NoAnswer.class);
    }
  }

  @Test
  void aServerThatCannotBeReached_isNotNow_toBeAskedAgainWhenItIsBack() {
    // given
    server.close();

    // when
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, Instant.now());

    // then
    assertThat(lookup).isInstanceOf(SentLookup.NotNow.class);
  }

  @Test
  void aMessageFromTheParentWithTheSameText_isNotOurs() {
    // given the parent pasted our text back into the chat
    server.receive(SESSION, PARENT.digits(), TEXT);

    // when
    SentLookup lookup = gateway.findSent(SESSION, PARENT, TEXT, Instant.now().minusSeconds(60));

    // then
    assertThat(lookup).isEqualTo(new SentLookup.NotFound());
  }
}
