package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectPayloads;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import com.feesmanager.automation.ports.out.contract.LoadedClasses;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon jar as separate processes against real parts: the official Firestore emulator, a
 * private redis-server and the wppconnect-server double (issue 6, "Tests"). Every test checks that
 * each expected message reached the double exactly once — a duplicate is a release blocker.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class DaemonEndToEndIT {

  /** Enough time to import an account before its minute comes. */
  private static final Duration IMPORT_ALLOWANCE = Duration.ofSeconds(10);

  @TempDir Path workDir;
  private E2eStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = E2eStack.start(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    stack.whatsapp.releaseStalled();
    stack.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The first minute boundary far enough ahead to import an account before it. */
  private static Instant nextMinute() {
    return Instant.now()
        .plus(IMPORT_ALLOWANCE)
        .truncatedTo(ChronoUnit.MINUTES)
        .plus(1, ChronoUnit.MINUTES);
  }

  /** An account whose rule was due at the start of the current minute: it fires at start-up. */
  private static E2eAccount dueAlready(int students) {
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    return new E2eAccount(
        unique("academy"),
        unique("session"),
        LocalTime.ofInstant(due, ZoneOffset.UTC),
        due.minus(1, ChronoUnit.MINUTES),
        students);
  }

  private static E2eAccount dueAt(Instant at, int students) {
    return new E2eAccount(
        unique("academy"),
        unique("session"),
        LocalTime.ofInstant(at, ZoneOffset.UTC),
        Instant.now().minusSeconds(5),
        students);
  }

  private void assertEachRecipientOnce(E2eAccount account) {
    assertThat(stack.sendsPerRecipient())
        .as("sends per recipient%s", stack.transcript())
        .containsOnlyKeys(account.expectedDigits())
        .allSatisfy((digits, count) -> assertThat(count).as(digits).isEqualTo(1L));
  }

  private void awaitSends(int count, Duration timeout) throws InterruptedException {
    try {
      await(count + " sends at the double", timeout, () -> stack.sends().size() >= count);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; got " + stack.sendsPerRecipient() + stack.transcript(), e);
    }
  }

  /** Time for a duplicate to show up if one were coming (a redelivery, a second firing). */
  private static void settle() throws InterruptedException {
    Thread.sleep(3_000);
  }

  private void assertStatuses(E2eAccount account, Map<String, String> expected) throws Exception {
    await(
        "logs " + expected,
        Duration.ofSeconds(20),
        () -> statuses(account).entrySet().containsAll(expected.entrySet()));
  }

  private Map<String, String> statuses(E2eAccount account) {
    return stack.logsByStudent(account.uid()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getString("status")));
  }

  private Map<String, String> sentStatuses(E2eAccount account) {
    Map<String, String> expected = new java.util.TreeMap<>();
    for (int i = 1; i <= account.students(); i++) {
      expected.put(String.format("stu-%03d", i), "SENT");
    }
    expected.put(E2eAccount.OPTED_OUT, "SKIPPED");
    expected.put(E2eAccount.INVALID, "SKIPPED");
    return expected;
  }

  @Test
  void an_occurrence_at_the_next_minute_is_sent_once_logged_counted_and_receipted()
      throws Exception {
    // given a running daemon, and an account whose rule is due at the next minute
    int port = E2eStack.freePort();
    Map<String, String> env = stack.env(port);
    // Checks (and heartbeats) every 15 s, still aligned to the minute, so the heartbeat that
    // counts the sends comes without waiting a whole extra minute.
    env.put("AUTOMATION_CHECK_INTERVAL", "PT15S");
    Path classes = workDir.resolve("daemon-classes.log");
    List<String> flags = new ArrayList<>(JarProcess.TEST_JVM_FLAGS);
    flags.add("-Xlog:class+load=info:file=" + classes);
    JarProcess daemon = stack.startDaemon(env, flags);
    Instant due = nextMinute();
    E2eAccount account = dueAt(due, 6);
    stack.importAccount(account);
    assertThat(stack.sends()).as("nothing is sent before the minute").isEmpty();

    // when the minute comes
    awaitSends(6, Duration.between(Instant.now(), due).plusSeconds(60));
    settle();

    // then each message reached the gateway once, after the minute, with its rendered body
    assertEachRecipientOnce(account);
    assertThat(stack.sends())
        .allSatisfy(
            send -> assertThat(send.message()).startsWith("Dear Parent, ").contains("is overdue"))
        .allSatisfy(send -> assertThat(send.session()).isEqualTo(account.session()));
    // and the run summary, the logs and the heartbeat are in Firestore
    List<QueryDocumentSnapshot> runs = stack.query(account.uid(), "automationRuns");
    assertThat(runs).hasSize(1);
    DocumentSnapshot run = runs.get(0);
    assertThat(run.getId()).isEqualTo(E2eAccount.RULE + "_" + run.getString("occurrence"));
    assertThat(run.getString("occurrence"))
        .isEqualTo(LocalDateTime.ofInstant(due, ZoneOffset.UTC).toString());
    assertThat(run.getLong("queued")).isEqualTo(6);
    assertThat(run.getLong("skipped")).isEqualTo(2);
    assertThat(run.getLong("matched")).isEqualTo(8);
    Instant firedAt = run.getTimestamp("firedAt").toDate().toInstant();
    assertThat(firedAt).isBetween(due, due.plusSeconds(10));
    assertStatuses(account, sentStatuses(account));
    Map<String, DocumentSnapshot> logs = stack.logsByStudent(account.uid());
    assertThat(logs.get(E2eAccount.OPTED_OUT).getString("reason")).isEqualTo("OPTED_OUT");
    assertThat(logs.get(E2eAccount.INVALID).getString("reason")).isEqualTo("INVALID_PHONE");
    await(
        "a heartbeat counting today's sends",
        Duration.ofSeconds(30),
        () ->
            stack
                .document("users/" + account.uid() + "/automation/status")
                .map(status -> Long.valueOf(6).equals(status.getLong("today.sent")))
                .orElse(false));
    DocumentSnapshot status =
        stack.document("users/" + account.uid() + "/automation/status").orElseThrow();
    assertThat(status.getString("instance")).isNotBlank();
    assertThat(status.getString("version")).isNotBlank();
    assertThat(status.getString("wppconnect.status")).isEqualTo("CONNECTED");
    assertThat(status.getLong("queue.ready")).isZero();

    // when wppconnect-server posts receipts to the webhook
    String delivered = logs.get("stu-001").getString("providerMessageId");
    String read = logs.get("stu-002").getString("providerMessageId");
    assertThat(delivered).isNotBlank();
    assertThat(read).isNotBlank();
    String webhook = "/webhooks/wppconnect/" + E2eStack.WEBHOOK_SECRET;
    assertThat(stack.post(port, webhook, WppConnectPayloads.onAck(account.session(), delivered, 2)))
        .isEqualTo(200);
    assertThat(stack.post(port, webhook, WppConnectPayloads.onAck(account.session(), read, 3)))
        .isEqualTo(200);
    assertThat(
            stack.post(
                port,
                "/webhooks/wppconnect/wrong-secret",
                WppConnectPayloads.onAck(account.session(), read, 3)))
        .isEqualTo(404);

    // then the logs move on, and /metrics counts all of it
    assertStatuses(account, Map.of("stu-001", "DELIVERED", "stu-002", "READ", "stu-003", "SENT"));
    String metrics = stack.get(port, "/metrics").orElseThrow().body();
    assertThat(metrics)
        .contains("fees_messages_sent_total{account=\"" + account.uid() + "\"} 6.0")
        .contains("fees_occurrences_fired_total{account=\"" + account.uid() + "\"} 1.0")
        .containsPattern("fees_receipts_total\\{outcome=\"[A-Z_]+\",receipt=\"DELIVERED\"\\} 1.0")
        .containsPattern("fees_receipts_total\\{outcome=\"[A-Z_]+\",receipt=\"READ\"\\} 1.0")
        .containsPattern(
            "fees_send_latency_seconds_count\\{outcome=\"Sent\",session=\""
                + account.session()
                + "\"\\} 6(\\.0)?\n")
        .contains("jvm_memory_used_bytes{area=\"heap\"")
        .contains("jvm_threads_live_threads ")
        .contains("process_cpu_usage ");

    // and SIGTERM stops it cleanly
    daemon.terminate();
    assertThat(daemon.waitFor(Duration.ofSeconds(35))).isTrue();
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    // and it reached Redis through Jedis (no class of Lettuce, its Netty or Reactor), Firestore
    // over REST (no class of gRPC or the Firestore client), and its JSON (webhook answers, gateway
    // requests) through Gson (no class of Micronaut) (issue 16)
    List<String> loaded = LoadedClasses.in(Files.readAllLines(classes));
    assertThat(loaded).anyMatch(name -> name.startsWith("redis.clients.jedis."));
    assertThat(loaded)
        .noneMatch(
            name ->
                name.startsWith("io.lettuce.")
                    || name.startsWith("io.netty.")
                    || name.startsWith("reactor.")
                    || name.startsWith("io.grpc.")
                    || name.startsWith("com.google.cloud.firestore.")
                    || name.startsWith("com.google.firestore.v1.")
                    || name.startsWith("io.micronaut."));
  }

  @Test
  void sigterm_mid_delivery_loses_nothing_and_a_restart_sends_the_rest_once() throws Exception {
    // given a due occurrence of 10 messages, each send taking a while
    E2eAccount account = dueAlready(10);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(
        Collections.nCopies(10, new SendReply.Slow(Duration.ofMillis(700)))
            .toArray(SendReply[]::new));
    Map<String, String> env = stack.env(E2eStack.freePort());
    JarProcess first = stack.startDaemon(env);
    awaitSends(3, Duration.ofSeconds(60));

    // when it gets SIGTERM mid-delivery
    first.terminate();

    // then it exits 0 within the 30 s grace, having sent only part of the queue
    assertThat(first.waitFor(Duration.ofSeconds(35))).as(first.err()).isTrue();
    assertThat(first.exitCode()).as(first.err()).isZero();
    int sentBeforeRestart = stack.sends().size();
    assertThat(sentBeforeRestart).isBetween(3, 9);

    // when a new daemon starts, the rest goes out, and nothing twice
    stack.startDaemon(env);
    awaitSends(10, Duration.ofSeconds(60));
    settle();
    assertEachRecipientOnce(account);
    assertStatuses(account, sentStatuses(account));
    assertThat(stack.query(account.uid(), "automationRuns")).hasSize(1);
  }

  @Test
  void two_daemons_and_a_tick_at_the_same_minute_send_each_message_once() throws Exception {
    // given two daemons on the same servers, and a rule due at the next minute
    stack.startDaemon(stack.env(E2eStack.freePort()));
    stack.startDaemon(stack.env(E2eStack.freePort()));
    Instant due = nextMinute();
    E2eAccount account = dueAt(due, 8);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(
        Collections.nCopies(8, new SendReply.Slow(Duration.ofMillis(200)))
            .toArray(SendReply[]::new));

    // when a one-shot tick for that minute starts just before it, racing the daemons
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).minusSeconds(2).toMillis()));
    Map<String, String> tickEnv = stack.env(0);
    JarProcess tick =
        stack.startJar(
            tickEnv, "tick", "--at", due.plusSeconds(1).toString(), "--max-seconds", "30");

    // then each message reaches the gateway once, and the occurrence is summarised once
    awaitSends(8, Duration.ofSeconds(90));
    assertThat(tick.waitFor(Duration.ofSeconds(60))).as(tick.err()).isTrue();
    settle();
    assertEachRecipientOnce(account);
    assertStatuses(account, sentStatuses(account));
    assertThat(stack.query(account.uid(), "automationRuns")).hasSize(1);
    assertThat(tick.exitCode()).as(tick.err() + tick.out()).isIn(0, 1);
  }

  @Test
  void kill_9_mid_send_then_restart_sends_each_message_at_most_once() throws Exception {
    // given a due occurrence whose third send never gets an answer
    E2eAccount account = dueAlready(8);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(
        new SendReply.Slow(Duration.ofMillis(300)),
        new SendReply.Slow(Duration.ofMillis(300)),
        new SendReply.Stall());
    // and a server that cannot tell whether it went out (get-messages fails; see
    // WhatsAppAmbiguousIT for the chat's answers)
    stack.whatsapp.failMessageLookups(true);
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_TIMEOUT", "PT4S");
    env.put("VISIBILITY_TIMEOUT", "PT8S");
    JarProcess first = stack.startDaemon(env);
    awaitSends(3, Duration.ofSeconds(60));

    // when the daemon is killed while the third message is on the wire, and started again
    first.kill();
    stack.startDaemon(env);

    // then every message arrives once, and the one whose fate is unknown is not sent again:
    // it is FAILED with UNKNOWN_OUTCOME (a duplicate is worse than a missing reminder)
    awaitSends(8, Duration.ofSeconds(90));
    String stalled = stack.sends().get(2).phone().replaceAll("\\D", "");
    await(
        "the stalled message to be reported",
        Duration.ofSeconds(60),
        () -> statuses(account).containsValue("FAILED"));
    settle();
    assertEachRecipientOnce(account);
    Map<String, DocumentSnapshot> logs = stack.logsByStudent(account.uid());
    List<DocumentSnapshot> failed =
        logs.values().stream().filter(log -> "FAILED".equals(log.getString("status"))).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getString("reason")).isEqualTo("UNKNOWN_OUTCOME");
    assertThat(failed.get(0).getString("to")).isEqualTo(stalled);
    assertThat(logs.values().stream().filter(log -> "SENT".equals(log.getString("status"))))
        .hasSize(7);
  }
}
