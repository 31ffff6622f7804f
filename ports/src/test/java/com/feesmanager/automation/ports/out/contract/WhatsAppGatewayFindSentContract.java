package com.feesmanager.automation.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every gateway answers when asked whether a send went out ({@link WhatsAppGateway#findSent},
 * SPEC §6): a message from us with exactly that body, not older than the send, is found with the id
 * the send was given; another body, another recipient or an older send is not.
 */
public abstract class WhatsAppGatewayFindSentContract {

  /** A gateway whose session {@link #session()} can send now. */
  protected abstract WhatsAppGateway gateway();

  /** A session of {@link #gateway()} that is connected. */
  protected abstract String session();

  /** The instant the gateway's own clock reads now (what a caller passes as notBefore). */
  protected abstract Instant now();

  private static final PhoneNumber PARENT = new PhoneNumber("923001234567");
  private static final PhoneNumber OTHER = new PhoneNumber("923009876543");
  private WhatsAppGateway gateway;

  @BeforeEach
  void gateway_() {
    gateway = gateway();
  }

  @Test
  void aSentMessage_isFound_withTheIdItWasSentWith() {
    // given
    Instant started = now();
    String text = Unique.name("Dear Parent, fees are due");
    SendResult sent = gateway.send(session(), PARENT, text);

    // when
    SentLookup lookup = gateway.findSent(session(), PARENT, text, started);

    // then
    assertThat(sent).isInstanceOf(SendResult.Sent.class);
    assertThat(lookup)
        .isEqualTo(new SentLookup.Found(((SendResult.Sent) sent).providerMessageId()));
  }

  @Test
  void anotherBody_orAnotherRecipient_isNotFound() {
    // given
    Instant started = now();
    String text = Unique.name("Dear Parent, fees are due");
    gateway.send(session(), PARENT, text);

    // when / then
    assertThat(gateway.findSent(session(), PARENT, text + " (2)", started))
        .isEqualTo(new SentLookup.NotFound());
    assertThat(gateway.findSent(session(), OTHER, text, started))
        .isEqualTo(new SentLookup.NotFound());
  }

  @Test
  void aSendOlderThanNotBefore_isNotFound() {
    // given
    String text = Unique.name("Dear Parent, fees are due");
    gateway.send(session(), PARENT, text);

    // when a later attempt asks (well past any clock-skew allowance)
    SentLookup lookup =
        gateway.findSent(session(), PARENT, text, now().plus(Duration.ofMinutes(10)));

    // then
    assertThat(lookup).isEqualTo(new SentLookup.NotFound());
  }
}
