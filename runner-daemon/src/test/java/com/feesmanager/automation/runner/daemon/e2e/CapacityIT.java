package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5 "only sends that reached the gateway count", on the jar (issue 10, "an outage followed by
 * the full caps"): a session down across many worker steps, each reserving a rate slot and giving
 * it back, then back: the whole hourly cap goes out at once, and no more.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class CapacityIT {

  private static final int MAX_PER_HOUR = 3;
  private static final int STUDENTS = 5;

  @TempDir Path workDir;
  private E2eStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = E2eStack.start(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The held delivery steps of {@code uid} so far, from the daemon's {@code /metrics}. */
  private double heldSteps(int port, String uid) {
    return stack
        .get(port, "/metrics")
        .map(
            response ->
                response
                    .body()
                    .lines()
                    .filter(line -> line.startsWith("fees_messages_held_total{"))
                    .filter(line -> line.contains("\"" + uid + "\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' '))))
                    .sum())
        .orElse(0.0);
  }

  private long sends(String reply) {
    return stack.sends().stream().map(RecordedSend::reply).filter(reply::equals).count();
  }

  @Test
  void after_a_session_outage_of_many_held_attempts_the_full_hourly_cap_goes_out()
      throws Exception {
    // given an account of 5 due reminders under a cap of 3 an hour, whose session is down
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    E2eAccount account =
        new E2eAccount(
                unique("academy"),
                unique("session"),
                LocalTime.ofInstant(due, ZoneOffset.UTC),
                due.minus(1, ChronoUnit.MINUTES),
                STUDENTS)
            .withMaxPerHour(MAX_PER_HOUR);
    stack.importAccount(account);
    stack.whatsapp.setState(account.session(), State.CLOSED);
    int port = E2eStack.freePort();
    Map<String, String> env = stack.env(port);
    env.put("WPP_AUTO_RECONNECT", "false");
    // held steps every 5 s (half the visibility timeout), each message held for 30 s
    env.put("WPP_TIMEOUT", "PT4S");
    env.put("VISIBILITY_TIMEOUT", "PT10S");
    stack.startDaemon(env);

    // when the outage lasts across as many held worker steps as the cap and more (each reserves
    // a slot before the gateway says the session is down: kept, they would fill the hour), then
    // the session is back
    try {
      await(
          "held attempts",
          Duration.ofSeconds(90),
          () -> heldSteps(port, account.uid()) >= MAX_PER_HOUR);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + stack.transcript(), e);
    }
    Thread.sleep(6_000);
    assertThat(sends("Ack")).isZero();
    stack.whatsapp.connect(account.session());

    // then the full hourly cap goes out, and the rest waits for the hour
    try {
      await(
          MAX_PER_HOUR + " sends after reconnecting",
          Duration.ofSeconds(90),
          () -> sends("Ack") >= MAX_PER_HOUR);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + stack.transcript(), e);
    }
    Thread.sleep(10_000);
    assertThat(stack.sends().stream().filter(s -> s.reply().equals("Ack")))
        .as("sends after reconnecting%s", stack.transcript())
        .hasSize(MAX_PER_HOUR)
        .extracting(RecordedSend::phone)
        .doesNotHaveDuplicates();
    await(
        MAX_PER_HOUR + " SENT logs",
        Duration.ofSeconds(20),
        () ->
            stack.logsByStudent(account.uid()).values().stream()
                    .filter(log -> "SENT".equals(log.getString("status")))
                    .count()
                == MAX_PER_HOUR);
  }
}
