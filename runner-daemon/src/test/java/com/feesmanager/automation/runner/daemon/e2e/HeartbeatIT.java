package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectPayloads;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import com.google.cloud.firestore.DocumentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat for the web app (issue 14), written by processes of the jar: {@code tick} (a
 * cron-only deployment) writes each account's {@code automation/status} with its invalid rule in
 * {@code problems} and the queue counts of its own messages, though two accounts name one session;
 * the QR code of a session waiting for a scan is shown, by {@code tick} and {@code daemon}, until
 * the session is connected.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class HeartbeatIT {

  private static final String BROKEN_RULE = "broken-rule";

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

  @Test
  void after_a_tick_each_account_sees_its_invalid_rule_and_its_own_queue_counts() throws Exception {
    // given two accounts naming one session, both with a rule due this minute (3 and 2 students),
    // the first with an invalid rule too; the session is down, so the messages stay queued
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String id = UUID.randomUUID().toString().substring(0, 8);
    String session = "session-" + id;
    E2eAccount first = account("academy-a-" + id, session, due, 3);
    E2eAccount second = account("academy-b-" + id, session, due, 2);
    stack.importAccount(withBrokenRule(first.file()), first);
    stack.importAccount(second);
    stack.whatsapp.setState(session, State.CLOSED);
    Instant beforeTick = Instant.now();

    // when cron runs one tick
    JarProcess tick =
        JarProcess.run(workDir, Duration.ofSeconds(90), stack.env(0), "tick", "--max-seconds", "2");

    // then it held the messages (exit 1) and wrote both heartbeats
    assertThat(tick.exitCode()).as(tick.out() + tick.err()).isEqualTo(1);
    assertThat(tick.out()).contains("heartbeat: written for 2 account(s)");
    Map<String, Object> mine = heartbeat(first);
    Map<String, Object> theirs = heartbeat(second);
    assertThat(pending(mine)).as("first account's queue %s", mine.get("queue")).isEqualTo(3);
    assertThat(pending(theirs)).as("second account's queue %s", theirs.get("queue")).isEqualTo(2);
    assertThat(((Map<?, ?>) mine.get("queue")).get("dead")).isEqualTo(0L);

    // and the invalid rule is among the first account's problems only, with its reason and since
    List<Map<?, ?>> problems = problems(mine);
    assertThat(problems)
        .filteredOn(p -> "RULE_INVALID".equals(p.get("code")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("ruleId")).isEqualTo(BROKEN_RULE);
              assertThat((String) p.get("message")).contains("nope");
              assertThat(p.get("since")).isNotNull();
            });
    assertThat(problems(theirs)).noneMatch(p -> "RULE_INVALID".equals(p.get("code")));
    assertThat(mine.get("heartbeatAt")).isNotNull();
    assertThat(((Map<?, ?>) mine.get("wppconnect")).get("status")).isEqualTo("CLOSED");
    assertThat(stack.document(statusPath(first)).orElseThrow().getUpdateTime().toDate())
        .isAfterOrEqualTo(java.util.Date.from(beforeTick.truncatedTo(ChronoUnit.SECONDS)));
  }

  @Test
  void a_session_waiting_for_a_scan_shows_its_qr_code_until_it_is_connected() throws Exception {
    // given an account whose WhatsApp was logged out: the session shows a QR code to scan
    E2eAccount account = E2eAccount.dueThisMinute(1);
    stack.importAccount(account);
    stack.whatsapp.setState(account.session(), State.QRCODE);

    // when a tick runs, then the heartbeat holds the code the server shows
    JarProcess waiting =
        JarProcess.run(workDir, Duration.ofSeconds(90), stack.env(0), "tick", "--max-seconds", "1");
    assertThat(waiting.out()).as(waiting.out() + waiting.err()).contains("heartbeat: written");
    Map<?, ?> wppconnect = (Map<?, ?>) heartbeat(account).get("wppconnect");
    assertThat(wppconnect.get("status")).isEqualTo("NEEDS_SCAN");
    Map<?, ?> qr = (Map<?, ?>) wppconnect.get("qr");
    assertThat(qr).as("wppconnect %s", wppconnect).isNotNull();
    assertThat(qr.get("dataUrl")).isEqualTo(WppConnectPayloads.QR_CODE);
    assertThat(qr.get("expiresAt")).isNotNull();

    // when the owner scanned it and the next tick runs, then the code is gone
    stack.whatsapp.scanQr(account.session());
    JarProcess connected =
        JarProcess.run(
            workDir, Duration.ofSeconds(90), stack.env(0), "tick", "--max-seconds", "20");
    assertThat(connected.out())
        .as(connected.out() + connected.err())
        .contains("heartbeat: written");
    Map<?, ?> after = (Map<?, ?>) heartbeat(account).get("wppconnect");
    assertThat(after.get("status")).isEqualTo("CONNECTED");
    assertThat(after.containsKey("qr")).as("wppconnect %s", after).isFalse();
  }

  @Test
  void the_daemons_heartbeat_shows_the_qr_code_while_the_session_waits_and_drops_it_once_scanned()
      throws Exception {
    // given an account whose session shows a QR code, and a daemon checking the gateway often
    E2eAccount account = E2eAccount.dueThisMinute(0);
    stack.importAccount(account);
    stack.whatsapp.setState(account.session(), State.QRCODE);
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_HEALTH_INTERVAL", "PT2S");

    // when the daemon runs
    stack.startDaemon(env);

    // then its heartbeat shows the code (the first one: written at start)
    E2eStack.await(
        "a heartbeat with the QR code", Duration.ofSeconds(90), () -> qrOf(account).isPresent());
    assertThat(qrOf(account).orElseThrow().get("dataUrl")).isEqualTo(WppConnectPayloads.QR_CODE);

    // when the owner scans it, then a later heartbeat says CONNECTED and has no code
    stack.whatsapp.scanQr(account.session());
    E2eStack.await(
        "a heartbeat of the connected session",
        Duration.ofSeconds(150),
        () -> "CONNECTED".equals(wppconnect(account).get("status")));
    assertThat(qrOf(account)).isEmpty();
  }

  private Optional<Map<?, ?>> qrOf(E2eAccount account) {
    return Optional.ofNullable((Map<?, ?>) wppconnect(account).get("qr"));
  }

  private Map<?, ?> wppconnect(E2eAccount account) {
    return stack
        .document(statusPath(account))
        .map(status -> (Map<?, ?>) status.get("wppconnect"))
        .orElse(Map.of());
  }

  private static E2eAccount account(String uid, String session, Instant due, int students) {
    return new E2eAccount(
        uid,
        session,
        LocalTime.ofInstant(due, ZoneOffset.UTC),
        due.minus(1, ChronoUnit.MINUTES),
        students);
  }

  /** The account file with one more rule, whose template names a value that does not exist. */
  private static Map<String, Object> withBrokenRule(Map<String, Object> file) {
    Map<String, Object> rules = new HashMap<>((Map<String, Object>) file.get("automationRules"));
    rules.put(
        BROKEN_RULE,
        Map.of(
            "name",
            "Broken reminder",
            "enabled",
            true,
            "schedule",
            Map.of("frequency", "DAILY", "time", "09:00"),
            "template",
            "Dear {nope}, please pay."));
    Map<String, Object> copy = new HashMap<>(file);
    copy.put("automationRules", rules);
    return copy;
  }

  private static String statusPath(E2eAccount account) {
    return "users/" + account.uid() + "/automation/status";
  }

  private Map<String, Object> heartbeat(E2eAccount account) {
    DocumentSnapshot status =
        stack
            .document(statusPath(account))
            .orElseThrow(() -> new AssertionError("no heartbeat for " + account.uid()));
    return status.getData();
  }

  private static long pending(Map<String, Object> heartbeat) {
    Map<?, ?> queue = (Map<?, ?>) heartbeat.get("queue");
    return (Long) queue.get("ready") + (Long) queue.get("delayed") + (Long) queue.get("inFlight");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<?, ?>> problems(Map<String, Object> heartbeat) {
    return (List<Map<?, ?>>) heartbeat.get("problems");
  }
}
