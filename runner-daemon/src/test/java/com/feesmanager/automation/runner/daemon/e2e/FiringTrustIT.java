package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.google.cloud.firestore.DocumentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Issue 10 on the jar: one broken account stops nothing (SPEC §2 isolation, §8 heartbeat {@code
 * problems}); the Firestore run record keeps "at most once" when Redis has lost its data.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FiringTrustIT {

  /** A fee the web app let through: two of them overflow a long of minor units when summed. */
  private static final long ABSURD_FEE = 50_000_000_000_000_000L;

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

  /** A daily rule at {@code due} (UTC), created the day before. */
  private static E2eAccount dailyAt(Instant due, int students) {
    return new E2eAccount(
        unique("academy"),
        unique("session"),
        LocalTime.ofInstant(due, ZoneOffset.UTC),
        due.minus(1, ChronoUnit.DAYS),
        students);
  }

  /** Sends per session and recipient digits. */
  private Map<String, Long> sendsBySessionAndRecipient() {
    return stack.sends().stream()
        .collect(
            Collectors.groupingBy(
                send -> send.session() + " " + send.phone().replaceAll("\\D", ""),
                Collectors.counting()));
  }

  private Map<String, Long> oncePerRecipient(E2eAccount... accounts) {
    Map<String, Long> expected = new HashMap<>();
    for (E2eAccount account : accounts) {
      account.expectedDigits().forEach(d -> expected.put(account.session() + " " + d, 1L));
    }
    return expected;
  }

  @Test
  void a_broken_account_beside_a_sound_one_stops_nothing_and_shows_its_problem() throws Exception {
    // given two accounts due this minute; the first has a student with fees of 5×10^16
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    E2eAccount broken = dailyAt(due, 3);
    E2eAccount sound = dailyAt(due, 4);
    Map<String, Object> brokenFile = new LinkedHashMap<>(broken.file());
    @SuppressWarnings("unchecked")
    Map<String, Object> students =
        new LinkedHashMap<>((Map<String, Object>) brokenFile.get("students"));
    Map<String, Object> absurd =
        Map.of("month", "2026-10", "amount", ABSURD_FEE, "paid", 0, "dueDate", "2026-10-10");
    students.put(
        "stu-absurd",
        Map.of(
            "name",
            "Absurd Fees",
            "guardianPhone",
            "03005550999",
            "fees",
            List.of(absurd, absurd)));
    brokenFile.put("students", students);
    stack.importAccount(brokenFile, broken);
    stack.importAccount(sound);

    // when the daemon starts and fires the minute
    stack.startDaemon(stack.env(E2eStack.freePort()));

    // then both accounts get their messages in that minute, each once
    Map<String, Long> expected = oncePerRecipient(broken, sound);
    await(
        "every message of both accounts",
        Duration.ofSeconds(60),
        () -> stack.sends().size() >= expected.size());
    Thread.sleep(3_000);
    assertThat(sendsBySessionAndRecipient()).as(stack.transcript()).isEqualTo(expected);
    // and the broken account's heartbeat names the student that cannot be understood
    String status = "users/" + broken.uid() + "/automation/status";
    await(
        "a heartbeat with problems",
        Duration.ofSeconds(30),
        () -> stack.document(status).map(s -> s.get("problems") != null).orElse(false));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems =
        (List<Map<String, Object>>) stack.document(status).orElseThrow().get("problems");
    // (the stack's private Redis runs without persistence, which every heartbeat rightly reports)
    assertThat(problems)
        .filteredOn(p -> !"REDIS_NOT_PERSISTENT".equals(p.get("code")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("code")).isEqualTo("DOCUMENT_UNREADABLE");
              assertThat(p.get("studentId")).isEqualTo("stu-absurd");
              assertThat((String) p.get("message")).contains("fees[0].amount", "10^12");
              assertThat(p).containsKey("since").doesNotContainKey("ruleId");
            });
    assertThat(stack.document("users/" + sound.uid() + "/automation/status").orElseThrow())
        .satisfies(
            s ->
                assertThat((List<Map<String, Object>>) s.get("problems"))
                    .extracting(p -> p.get("code"))
                    .containsOnly("REDIS_NOT_PERSISTENT"));
  }

  @Test
  void with_redis_flushed_the_run_record_keeps_each_occurrence_fired_once_and_unrewritten()
      throws Exception {
    // given a daily rule that was due 8 hours ago, fired by a tick at that minute
    Instant due = Instant.now().minus(8, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    E2eAccount account = dailyAt(due, 3);
    stack.importAccount(account);
    String at = due.plusSeconds(30).toString();
    JarProcess first = tick(at);
    assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
    assertThat(sendsBySessionAndRecipient()).isEqualTo(oncePerRecipient(account));
    DocumentSnapshot fired = runRecord(account);
    assertThat(fired.getLong("queued")).isEqualTo(3);

    // when Redis loses everything and the same minute runs again
    stack.redis.command("FLUSHALL");
    JarProcess again = tick(at);

    // then nothing is fired or sent a second time
    assertThat(again.exitCode()).as(again.err() + again.out()).isZero();
    assertThat(sendsBySessionAndRecipient()).isEqualTo(oncePerRecipient(account));

    // when Redis loses everything again and a tick runs now, past the misfire grace
    stack.redis.command("FLUSHALL");
    JarProcess late = tick(Instant.now().toString());

    // then the occurrence's run record is not rewritten as MISSED
    assertThat(late.exitCode()).as(late.err() + late.out()).isZero();
    assertThat(sendsBySessionAndRecipient()).isEqualTo(oncePerRecipient(account));
    assertThat(stack.query(account.uid(), "automationRuns")).hasSize(1);
    DocumentSnapshot after = runRecord(account);
    assertThat(after.getLong("queued")).isEqualTo(3);
    assertThat(after.getString("error")).isNull();
    assertThat(after.getTimestamp("firedAt")).isEqualTo(fired.getTimestamp("firedAt"));
  }

  @Test
  void a_slow_gateway_never_delays_the_minutes_firing() throws Exception {
    // given three accounts due this minute on three sessions, and a gateway whose every status
    // check takes 6 s (checked one after the other: 18 s or more for one round)
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<E2eAccount> accounts = List.of(dailyAt(due, 1), dailyAt(due, 1), dailyAt(due, 1));
    for (E2eAccount account : accounts) {
      stack.importAccount(account);
    }
    stack.whatsapp.delayStatusChecks(Duration.ofSeconds(6));
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_TIMEOUT", "PT10S");

    // when the daemon starts (its HTTP surface answers just before the first check)
    stack.startDaemon(env);
    Instant live = Instant.now();

    // then every occurrence was fired at once, not after the gateway checks
    for (E2eAccount account : accounts) {
      Instant firedAt = runRecord(account).getTimestamp("firedAt").toDate().toInstant();
      assertThat(firedAt).as(account.uid()).isBefore(live.plusSeconds(8));
    }
  }

  private JarProcess tick(String at) throws InterruptedException {
    JarProcess tick = stack.startJar(stack.env(0), "tick", "--at", at, "--max-seconds", "30");
    assertThat(tick.waitFor(Duration.ofSeconds(60))).as(tick.err()).isTrue();
    return tick;
  }

  private DocumentSnapshot runRecord(E2eAccount account) throws InterruptedException {
    await(
        "the run record",
        Duration.ofSeconds(20),
        () -> stack.query(account.uid(), "automationRuns").size() == 1);
    return stack.query(account.uid(), "automationRuns").get(0);
  }
}
