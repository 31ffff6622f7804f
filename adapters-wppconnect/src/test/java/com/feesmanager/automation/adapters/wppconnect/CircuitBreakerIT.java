package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dead session costs one probe per interval, not one failed call per message. */
class CircuitBreakerIT {

  static final PhoneNumber PARENT = new PhoneNumber("923001234567");
  static final Duration PROBE_INTERVAL = Duration.ofMillis(300);

  private WppConnectServerDouble server;
  private WppConnectGateway gateway;

  @BeforeEach
  void start() {
    server = WppConnectServerDouble.start();
    gateway =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl(), Duration.ofSeconds(2))
                .withProbeInterval(PROBE_INTERVAL));
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.close();
  }

  @Test
  void aDeadSession_isProbedOncePerInterval_andEveryOtherSendIsHeldWithoutACall() {
    // given
    server.setState("academy-1", State.CLOSED);

    // when
    for (int i = 0; i < 10; i++) {
      assertThat(gateway.send("academy-1", PARENT, "m" + i))
          .isInstanceOf(SendResult.SessionDown.class);
    }

    // then
    assertThat(server.requests("send-message")).isEqualTo(1);

    // and after the interval, exactly one more probe
    awaitUntil(() -> sendsAfter(1));
    assertThat(server.requests("send-message")).isEqualTo(2);
  }

  @Test
  void whenTheSessionComesBack_theNextProbeSends_andSendingResumes() {
    // given
    server.setState("academy-1", State.CLOSED);
    gateway.send("academy-1", PARENT, "first");

    // when
    server.connect("academy-1");
    awaitUntil(() -> gateway.send("academy-1", PARENT, "probe") instanceof SendResult.Sent);

    // then
    assertThat(gateway.send("academy-1", PARENT, "next")).isInstanceOf(SendResult.Sent.class);
    assertThat(gateway.send("academy-1", PARENT, "and next")).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void aHealthCheckThatFindsTheSessionConnected_letsTheNextSendThroughAtOnce() {
    // given a breaker opened by a 404, with a long interval
    try (WppConnectGateway slowProbes =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl()).withProbeInterval(Duration.ofMinutes(10)))) {
      slowProbes.send("academy-1", PARENT, "first");
      server.connect("academy-1");

      // when
      slowProbes.sessionState("academy-1");

      // then
      assertThat(slowProbes.send("academy-1", PARENT, "now")).isInstanceOf(SendResult.Sent.class);
    }
  }

  @Test
  void aProbeThatFindsTheSessionDown_leavesTheBreakerClosed_soTheNextSendStillGoesOut() {
    // given
    SessionState probed = gateway.probeSessionState("academy-1");
    server.connect("academy-1");

    // when
    SendResult result = gateway.send("academy-1", PARENT, "hello");

    // then
    assertThat(probed).isEqualTo(SessionState.CLOSED);
    assertThat(result).isInstanceOf(SendResult.Sent.class);
    assertThat(server.requests("send-message")).isEqualTo(1);
  }

  @Test
  void aProbeThatFindsTheSessionConnected_leavesAnOpenBreakerOpen() {
    // given a breaker opened by a 404, with a long interval
    try (WppConnectGateway slowProbes =
        new WppConnectGateway(
            DoubleConfig.at(server.baseUrl()).withProbeInterval(Duration.ofMinutes(10)))) {
      slowProbes.send("academy-1", PARENT, "first");
      server.connect("academy-1");

      // when
      SessionState probed = slowProbes.probeSessionState("academy-1");

      // then the breaker still holds sends: only the health check may close it
      assertThat(probed).isEqualTo(SessionState.CONNECTED);
      assertThat(slowProbes.send("academy-1", PARENT, "now"))
          .isInstanceOf(SendResult.SessionDown.class);
    }
  }

  @Test
  void aHealthCheckThatFindsTheSessionDown_holdsSendsWithoutCallingTheServer() {
    // when
    gateway.sessionState("academy-1");
    SendResult result = gateway.send("academy-1", PARENT, "hello");

    // then
    assertThat(result).isInstanceOf(SendResult.SessionDown.class);
    assertThat(((SendResult.SessionDown) result).detail()).contains("CLOSED");
    assertThat(server.requests("send-message")).isZero();
  }

  @Test
  void oneDeadSession_doesNotHoldAnother() {
    // given
    server.connect("academy-2");
    gateway.send("academy-1", PARENT, "down");

    // when
    SendResult other = gateway.send("academy-2", PARENT, "up");

    // then
    assertThat(other).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void aMessageFailure_doesNotOpenTheBreaker() {
    // given
    server.connect("academy-1");
    server.notOnWhatsApp("923001234567");

    // when
    gateway.send("academy-1", PARENT, "one");
    gateway.send("academy-1", PARENT, "two");

    // then both reached the server
    assertThat(server.requests("send-message")).isEqualTo(2);
  }

  private boolean sendsAfter(int expected) {
    gateway.send("academy-1", PARENT, "probe?");
    return server.requests("send-message") > expected;
  }

  /** Polls a condition every 20 ms for up to ten probe intervals. */
  private static void awaitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + PROBE_INTERVAL.multipliedBy(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + PROBE_INTERVAL.multipliedBy(10));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
