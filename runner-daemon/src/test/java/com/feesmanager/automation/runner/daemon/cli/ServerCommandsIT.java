package com.feesmanager.automation.runner.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.TestRedisDatabase;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.runner.daemon.Daemon;
import com.feesmanager.automation.runner.daemon.DaemonAssembly;
import com.google.cloud.firestore.Firestore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The server-backed commands ({@code tick}, {@code status}, {@code check}, {@code dead}) on the
 * real adapters: the Firestore emulator, Redis (database 9 of the local server, flushed first) and
 * the wppconnect-server double.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class ServerCommandsIT {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);
  // Friday 2026-11-20 10:00:30 in Karachi: only the DAILY 10:00 rule is due within the grace.
  private static final String AT = "2026-11-20T10:00:30+05:00";
  private static final String REDIS = TestRedisDatabase.url(9);

  private WppConnectServerDouble whatsapp;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void servers() throws Exception {
    FirestoreEmulatorExtension.emulator().reset();
    flushRedisDatabase9();
    whatsapp = WppConnectServerDouble.start();
    whatsapp.connect("demo");
    importUntilVisible();
  }

  /** Imports the sample and waits until a fresh connection sees it (the reset may still run). */
  private void importUntilVisible() throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Run imported = run(new ImportCli(), env(), "--data", SAMPLE.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      try (FirestoreConnection firestore =
          FirestoreConnection.open(
              FirestoreEmulatorExtension.emulator().config(),
              AccountDefaults.SPEC,
              Clock.systemUTC())) {
        boolean visible =
            firestore.accountDirectory().enabledAccounts().accounts().stream()
                .anyMatch(a -> a.uid().equals("demo-academy"));
        if (visible) {
          return;
        }
      }
      assertThat(attempt).as("the imported account never became visible").isLessThan(5);
      Thread.sleep(500);
    }
  }

  @AfterEach
  void stop() {
    whatsapp.close();
  }

  private Map<String, String> env() {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    Map<String, String> env = new HashMap<>();
    env.put("FIRESTORE_EMULATOR_HOST", emulator.host());
    env.put("FIREBASE_PROJECT_ID", FirestoreEmulator.PROJECT);
    env.put("REDIS_URL", REDIS);
    if (whatsapp != null) {
      env.put("WPPCONNECT_SERVER_URL", whatsapp.baseUrl().toString());
      env.put("WPPCONNECT_SECRET_KEY", whatsapp.secretKey());
    }
    env.put("MIN_SEND_INTERVAL", "0");
    env.put("HTTP_PORT", "0");
    return env;
  }

  private static synchronized Run run(Object command, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cli = new CommandLine(command);
      Environment.of(cli).use(env);
      cli.setExecutionExceptionHandler(new CliErrors());
      cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  private static void flushRedisDatabase9() throws Exception {
    flushRedisDatabase(9);
  }

  private static void flushRedisDatabase(int database) {
    TestRedisDatabase.flush(database);
  }

  @Test
  void tick_fires_the_due_occurrence_sends_each_message_once_and_logs_to_firestore() {
    // when
    Run first = run(new TickCli(), env(), "--at", AT, "--max-seconds", "30");

    // then the DAILY rule fired and every queued message reached the gateway once
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("FIRED demo-academy overdue-daily 2026-11-20T10:00");
    List<WppConnectServerDouble.RecordedSend> sends = whatsapp.sends();
    assertThat(sends).hasSize(18);
    assertThat(sends).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(firestore.runLog().recent("demo-academy", 10))
          .extracting(RunSummary::runId, RunSummary::queued)
          .contains(org.assertj.core.groups.Tuple.tuple("overdue-daily_2026-11-20T10:00", 18));
    }

    // and today's tally, shared in Redis, counts each send once
    try (var redis =
        com.feesmanager.automation.adapters.redis.RedisConnection.open(
            com.feesmanager.automation.adapters.redis.RedisSettings.of(REDIS))) {
      assertThat(redis.dailyTally().counts("demo-academy", java.time.LocalDate.of(2026, 11, 20)))
          .isEqualTo(new com.feesmanager.automation.ports.out.Heartbeat.DayCounts(18, 0, 3));
    }

    // and a second tick for the same minute sends nothing more
    Run second = run(new TickCli(), env(), "--at", AT, "--max-seconds", "10");
    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(whatsapp.sends()).hasSize(18);
  }

  @Test
  void while_the_session_is_down_messages_are_held_then_the_next_tick_sends_them_once() {
    // given the session is closed
    whatsapp.setState("demo", WppConnectServerDouble.State.CLOSED);

    // when
    Run down = run(new TickCli(), env(), "--at", AT, "--max-seconds", "5");

    // then one refused probe, the session is held, nothing delivered, exit 1
    assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(1);
    assertThat(down.out()).contains("held 1");
    assertThat(whatsapp.sends())
        .extracting(WppConnectServerDouble.RecordedSend::reply)
        .containsOnly("404");
    int refused = whatsapp.sends().size();

    // when the session is back, the next tick (a minute later) delivers what was held
    whatsapp.connect("demo");
    Run back =
        run(new TickCli(), env(), "--at", "2026-11-20T10:01:30+05:00", "--max-seconds", "30");

    // then each held message is sent exactly once
    assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
    List<WppConnectServerDouble.RecordedSend> delivered =
        whatsapp.sends().subList(refused, whatsapp.sends().size());
    assertThat(delivered).hasSize(18);
    assertThat(delivered).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();
  }

  @Test
  void session_rebind_moves_a_taken_session_to_the_named_account_and_status_shows_it() {
    // given another academy was bound to the sample's session "demo" first
    java.time.Instant takenAt = java.time.Instant.parse("2026-11-01T00:00:00Z");
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      firestore.sessionBindings().bind("demo", "other-academy", takenAt);
    }

    // when the operator rebinds it
    Run rebind = run(new SessionCli.Rebind(), env(), "demo", "--account", "demo-academy");

    // then it says what changed, the binding moved, and status shows it
    assertThat(rebind.exitCode()).as(rebind.out() + rebind.err()).isZero();
    assertThat(rebind.out())
        .contains("session demo is bound to demo-academy")
        .contains("was other-academy, bound at " + takenAt);
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(firestore.sessionBindings().boundTo("demo"))
          .hasValueSatisfying(bound -> assertThat(bound.uid()).isEqualTo("demo-academy"));
    }
    Run status = run(new StatusCli(), env());
    assertThat(status.out()).containsPattern("demo\\s+bound to demo-academy since ");

    // and running it again changes nothing
    Run again = run(new SessionCli.Rebind(), env(), "demo", "--account", "demo-academy");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already bound to demo-academy");
  }

  @Test
  void session_rebind_refuses_a_bad_session_name_or_an_unknown_account_with_exit_2() {
    Run badName = run(new SessionCli.Rebind(), env(), "../demo", "--account", "demo-academy");
    Run unknown = run(new SessionCli.Rebind(), env(), "demo", "--account", "no-such-academy");

    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("SESSION must be 1 to 64 characters");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no-such-academy: no such account");
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(firestore.sessionBindings().boundTo("demo")).isEmpty();
    }
  }

  @Test
  void a_tick_before_the_hold_ends_waits_for_the_held_messages_and_sends_them_once()
      throws Exception {
    // this test runs for half a minute: a database of its own, which no parallel run flushes
    Map<String, String> env = env();
    env.put("REDIS_URL", TestRedisDatabase.url(10));
    flushRedisDatabase(10);

    // given a tick held the session's messages (hold delay 30 s)
    whatsapp.setState("demo", WppConnectServerDouble.State.CLOSED);
    Run down = run(new TickCli(), env, "--at", AT, "--max-seconds", "2");
    assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(1);
    assertThat(down.out()).contains("held: session demo (SESSION_DOWN)");

    // and a tick while the hold runs and the session is still down also exits 1
    Run stillDown =
        run(new TickCli(), env, "--at", "2026-11-20T10:00:50+05:00", "--max-seconds", "1");
    assertThat(stillDown.exitCode()).as(stillDown.out() + stillDown.err()).isEqualTo(1);
    assertThat(stillDown.out()).contains("held: session demo");
    int refused = whatsapp.sends().size();

    // when the session is back and the next tick starts while the holds still run
    whatsapp.connect("demo");
    Run next = run(new TickCli(), env, "--at", "2026-11-20T10:00:55+05:00", "--max-seconds", "45");

    // then it waited for them and sent each once, exit 0
    assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
    assertThat(next.out()).contains("sent 18,").contains("held 0, waiting 0");
    List<WppConnectServerDouble.RecordedSend> delivered =
        whatsapp.sends().subList(refused, whatsapp.sends().size());
    assertThat(delivered).hasSize(18);
    assertThat(delivered).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();
  }

  @Test
  void a_tick_leaves_a_session_whose_lease_a_daemon_holds_to_that_daemon() {
    // given a daemon's worker holds the lease of the session "demo"
    try (var redis =
        com.feesmanager.automation.adapters.redis.RedisConnection.open(
            com.feesmanager.automation.adapters.redis.RedisSettings.of(REDIS))) {
      assertThat(
              redis
                  .sessionLeases()
                  .acquire(
                      "demo",
                      "daemon-elsewhere",
                      java.time.Instant.parse("2026-11-20T05:00:00Z"),
                      java.time.Duration.ofMinutes(10)))
          .isTrue();
    }

    // when
    Run tick = run(new TickCli(), env(), "--at", AT, "--max-seconds", "5");

    // then it fired, but sent nothing through the daemon's session, and says so
    assertThat(tick.exitCode()).as(tick.out() + tick.err()).isZero();
    assertThat(tick.out())
        .contains("FIRED demo-academy overdue-daily")
        .contains("left to another worker: session demo");
    assertThat(whatsapp.sends()).isEmpty();
  }

  @Test
  void a_bad_setting_is_one_line_naming_it_and_exit_2() {
    Map<String, String> env = env();
    env.put("MAX_ATTEMPTS", "three");

    Run run = run(new TickCli(), env, "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("MAX_ATTEMPTS").doesNotContain("Exception");
  }

  @Test
  void a_tick_whose_redis_cannot_be_reached_exits_1_naming_redis() {
    // given Redis on a closed port (Firestore, opened beside it, is fine and must be closed again)
    Map<String, String> env = env();
    env.put("REDIS_URL", "redis://127.0.0.1:9/9");

    // when
    Run run = run(new TickCli(), env, "--at", AT, "--max-seconds", "5");

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains("Redis");
    assertThat(whatsapp.sends()).isEmpty();
  }

  @Test
  void status_shows_the_queues_and_check_reports_every_dependency() {
    run(new TickCli(), env(), "--at", AT, "--max-seconds", "30");

    Run status = run(new StatusCli(), env());
    Run check = run(new CheckCli(), env());

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("demo ").containsPattern("total\\s+0\\s+0\\s+0\\s+0");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out())
        .contains("configuration OK")
        .contains("redis         OK")
        .contains("firestore     OK  1 enabled account(s)")
        .contains("wppconnect    OK");
  }

  @Test
  void check_exits_1_when_wppconnect_server_cannot_be_reached() {
    Map<String, String> env = env();
    env.put("WPPCONNECT_SERVER_URL", "http://127.0.0.1:9");

    Run check = run(new CheckCli(), env);

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("wppconnect    UNREACHABLE");
  }

  @Test
  void a_message_that_used_its_last_attempt_is_listed_dead_and_requeued_once() throws Exception {
    // given one attempt in all and a gateway that fails the first send
    Map<String, String> env = env();
    env.put("MAX_ATTEMPTS", "1");
    // (WhatsApp refuses it, ack −1: a 500 would be ambiguous, asked about, not retried blindly)
    whatsapp.replyToNextSends(WppConnectServerDouble.SendReply.ack(-1));

    // when
    Run tick = run(new TickCli(), env, "--at", AT, "--max-seconds", "30");
    Run list = run(new DeadCli.ListDead(), env);

    // then
    assertThat(tick.exitCode()).isEqualTo(1);
    assertThat(tick.out()).contains("dead 1");
    assertThat(list.out()).contains("1 dead letter(s)").contains("WHATSAPP_FAILED");
    assertThat(list.out()).doesNotContain("923001234567");
    assertThat(logStatuses()).containsOnlyOnce("DEAD");

    // when requeued (at 10:01 in the run's time line), the next tick sends it
    DeadCli.RequeueDead requeueCommand = new DeadCli.RequeueDead();
    requeueCommand.clock =
        Clock.fixed(java.time.Instant.parse("2026-11-20T05:01:00Z"), java.time.ZoneOffset.UTC);
    Run requeue = run(requeueCommand, env, "--all");
    int before = whatsapp.sends().size();
    Run again = run(new TickCli(), env, "--at", "2026-11-20T10:01:30+05:00", "--max-seconds", "30");

    assertThat(requeue.out()).contains("requeued 1 message(s)");
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(whatsapp.sends().size() - before).isEqualTo(1);
    assertThat(run(new DeadCli.ListDead(), env).out()).contains("0 dead letter(s)");
    // and the web app sees it sent: a requeued dead letter's log moves on from DEAD
    assertThat(logStatuses()).doesNotContain("DEAD");
  }

  /** One dead letter: one attempt in all, and WhatsApp refuses the first send (ack −1). */
  private Map<String, String> tickWithOneDeadLetter() {
    Map<String, String> env = env();
    env.put("MAX_ATTEMPTS", "1");
    whatsapp.replyToNextSends(WppConnectServerDouble.SendReply.ack(-1));
    Run tick = run(new TickCli(), env, "--at", AT, "--max-seconds", "30");
    assertThat(tick.out()).contains("dead 1");
    return env;
  }

  private static Map<String, Object> json(String line) {
    return new com.google.gson.GsonBuilder()
        .setObjectToNumberStrategy(com.google.gson.ToNumberPolicy.LONG_OR_DOUBLE)
        .create()
        .fromJson(line.strip(), new com.google.gson.reflect.TypeToken<Map<String, Object>>() {});
  }

  @Test
  @SuppressWarnings("unchecked")
  void status_check_and_dead_list_print_json_that_parses_and_dead_drop_forgets_the_letter()
      throws Exception {
    // given
    Map<String, String> env = tickWithOneDeadLetter();

    // when
    Run list = run(new DeadCli.ListDead(), env, "--json");
    Run status = run(new StatusCli(), env, "--json");
    Run check = run(new CheckCli(), env, "--json");

    // then: dead list
    assertThat(list.exitCode()).as(list.err()).isZero();
    Map<String, Object> dead = json(list.out());
    assertThat(dead).containsEntry("count", 1L);
    Map<String, Object> letter = ((List<Map<String, Object>>) dead.get("deadLetters")).get(0);
    assertThat(letter)
        .containsEntry("account", "demo-academy")
        .containsEntry("rule", "overdue-daily")
        .containsEntry("session", "demo")
        .containsEntry("reason", "WHATSAPP_FAILED")
        .containsEntry("attempts", 1L);
    assertThat((String) letter.get("to")).contains("*");
    assertThat(list.out()).doesNotContain("923001234567");
    // status: the GET /status shape, plus bindings and firestore
    assertThat(status.exitCode()).as(status.err()).isZero();
    Map<String, Object> statusJson = json(status.out());
    assertThat((Map<String, Object>) statusJson.get("queue")).containsEntry("dead", 1L);
    assertThat((Map<String, Object>) statusJson.get("sessions")).containsKey("demo");
    assertThat((Map<String, Object>) statusJson.get("bindings"))
        .extractingByKey("demo")
        .satisfies(b -> assertThat((Map<String, Object>) b).containsEntry("uid", "demo-academy"));
    assertThat((Map<String, Object>) statusJson.get("firestore")).containsEntry("ok", true);
    // check: every part, each OK
    assertThat(check.exitCode()).as(check.out()).isZero();
    Map<String, Object> checkJson = json(check.out());
    assertThat(checkJson).containsEntry("ok", true);
    assertThat((List<Map<String, Object>>) checkJson.get("parts"))
        .extracting(part -> part.get("part") + " " + part.get("status"))
        .containsExactly("configuration OK", "redis OK", "firestore OK", "wppconnect OK");

    // when the letter is dropped by its key
    Run drop = run(new DeadCli.DropDead(), env, (String) letter.get("key"));

    // then it is gone and the next tick does not send it
    assertThat(drop.out()).contains("dropped 1 message(s)");
    assertThat(run(new DeadCli.ListDead(), env).out()).contains("0 dead letter(s)");
    int before = whatsapp.sends().size();
    run(new TickCli(), env, "--at", "2026-11-20T10:01:30+05:00", "--max-seconds", "10");
    assertThat(whatsapp.sends()).hasSize(before);
  }

  @Test
  void dead_requeue_or_drop_without_keys_or_all_is_refused_with_one_line() {
    for (String verb : List.of("requeue", "drop")) {
      CliRun run = CliRun.of("dead", verb);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip().lines())
          .singleElement()
          .asString()
          .contains("KEY")
          .contains("--all")
          .contains("see 'fees-automation dead " + verb + " --help'");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void check_reports_every_part_on_its_own_line_with_each_part_down_in_turn() {
    // Redis down: the other parts are still checked
    Map<String, String> noRedis = env();
    noRedis.put("REDIS_URL", "redis://127.0.0.1:9");
    // Firestore down
    Map<String, String> noFirestore = env();
    noFirestore.put("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9");
    // wppconnect-server down
    Map<String, String> noGateway = env();
    noGateway.put("WPPCONNECT_SERVER_URL", "http://127.0.0.1:9");
    // a bad configuration: the servers are not tried, exit 2
    Map<String, String> badConfig = env();
    badConfig.put("MAX_ATTEMPTS", "three");

    Run redis = run(new CheckCli(), noRedis);
    Run firestore = run(new CheckCli(), noFirestore);
    Run gateway = run(new CheckCli(), noGateway);
    Run config = run(new CheckCli(), badConfig);

    assertThat(redis.exitCode()).as(redis.out() + redis.err()).isEqualTo(1);
    assertThat(redis.out().lines())
        .hasSize(4)
        .anyMatch(line -> line.startsWith("redis         UNREACHABLE"))
        .anyMatch(line -> line.startsWith("firestore     OK"))
        .anyMatch(line -> line.startsWith("wppconnect    OK"));
    assertThat(firestore.exitCode()).isEqualTo(1);
    assertThat(firestore.out().lines())
        .hasSize(4)
        .anyMatch(line -> line.startsWith("redis         OK"))
        .anyMatch(line -> line.startsWith("firestore     UNREACHABLE"))
        .anyMatch(line -> line.startsWith("wppconnect    OK"));
    assertThat(gateway.exitCode()).isEqualTo(1);
    assertThat(gateway.out().lines())
        .hasSize(4)
        .anyMatch(line -> line.startsWith("firestore     OK"))
        .anyMatch(line -> line.startsWith("wppconnect    UNREACHABLE"));
    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.out().lines())
        .hasSize(4)
        .anyMatch(line -> line.startsWith("configuration INVALID") && line.contains("MAX_ATTEMPTS"))
        .anyMatch(line -> line.startsWith("redis         NOT_CHECKED"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void status_shows_the_redis_queues_when_firestore_is_down_and_exits_1() throws Exception {
    // given one dead letter in Redis
    Map<String, String> env = tickWithOneDeadLetter();
    env.put("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9");

    // when
    Run status = run(new StatusCli(), env);

    // then
    assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(1);
    assertThat(status.out())
        .containsPattern("demo\\s+0\\s+0\\s+0\\s+1")
        .containsPattern("total\\s+0\\s+0\\s+0\\s+1")
        .contains("firestore UNREACHABLE");
    // and as JSON
    Run json = run(new StatusCli(), env, "--json");
    assertThat(json.exitCode()).isEqualTo(1);
    Map<String, Object> parsed = json(json.out());
    assertThat((Map<String, Object>) parsed.get("firestore")).containsEntry("ok", false);
    assertThat((Map<String, Object>) ((Map<String, Object>) parsed.get("sessions")).get("demo"))
        .containsEntry("dead", 1L);
  }

  /** {@code send-test} for the sample account. */
  private Run sendTest(String to, String text) {
    return run(new SendTestCli(), env(), "--account", "demo-academy", "--to", to, "--text", text);
  }

  /** The status of every message log of the sample account, once the writes have landed. */
  private static List<String> logStatuses() throws Exception {
    try (Firestore documents = FirestoreEmulatorExtension.emulator().documentsClient()) {
      return documents
          .collection("users")
          .document("demo-academy")
          .collection("messageLogs")
          .get()
          .get()
          .getDocuments()
          .stream()
          .map(doc -> doc.getString("status"))
          .toList();
    }
  }

  @Test
  void a_tick_in_the_future_is_refused_and_touches_nothing() {
    String tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();

    Run tick = run(new TickCli(), env(), "--at", tomorrow, "--max-seconds", "5");

    assertThat(tick.exitCode()).isEqualTo(2);
    assertThat(tick.err()).contains("--at " + tomorrow).contains("in the future");
    assertThat(whatsapp.sends()).isEmpty();
    // a send now is not held by anything recorded for tomorrow
    Run sent = sendTest("0300-7654321", "still sends now");
    assertThat(sent.exitCode()).as(sent.out() + sent.err()).isZero();
  }

  @Test
  void send_test_checks_the_number_and_sends_one_message_now() {
    Run sent = sendTest("0300-7654321", "Test from fees-automation");

    assertThat(sent.exitCode()).as(sent.out() + sent.err()).isZero();
    assertThat(sent.out()).contains("number 92300*****21: on WhatsApp").contains(": sent");
    assertThat(sent.out()).doesNotContain("923007654321");
    assertThat(whatsapp.sends())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.phone()).isEqualTo("923007654321");
              assertThat(s.message()).isEqualTo("Test from fees-automation");
            });
  }

  @Test
  void send_test_to_a_number_not_on_whatsapp_sends_nothing_and_exits_1() {
    whatsapp.notOnWhatsApp("923007654321");

    Run run = sendTest("03007654321", "hi");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("not on WhatsApp").contains("NOT_ON_WHATSAPP");
    assertThat(whatsapp.sends()).isEmpty();
  }

  @Test
  void the_daemon_fires_at_start_delivers_once_serves_http_and_stops_cleanly() throws Exception {
    // given the daemon runs as of 10:00:30 Karachi with its HTTP surface on a free port
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = env();
    env.put("HTTP_PORT", Integer.toString(port));
    Clock clock =
        Clock.offset(
            Clock.systemUTC(),
            java.time.Duration.between(
                java.time.Instant.now(), java.time.Instant.parse("2026-11-20T05:00:30Z")));
    java.util.concurrent.atomic.AtomicReference<Daemon> running =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CompletableFuture<Integer> exit =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return ServerRuntime.run(
                    env,
                    clock,
                    (injector, config, clients) -> {
                      Daemon daemon =
                          DaemonAssembly.daemon(
                              injector,
                              config,
                              clients,
                              clock,
                              "test-daemon",
                              new com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics());
                      running.set(daemon);
                      daemon.start();
                      daemon.awaitStopped();
                      return 0;
                    });
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    // when its first check has run and the queue has drained
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (whatsapp.sends().size() < 18 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    var http = java.net.http.HttpClient.newHttpClient();
    var live =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/health/live"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    running.get().stop();

    // then each message was sent once, the HTTP surface answered, and the daemon exited 0
    assertThat(exit.get(40, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    assertThat(whatsapp.sends()).hasSize(18);
    assertThat(whatsapp.sends()).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("fees_messages_sent_total");
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(firestore.statusBoard().last("demo-academy"))
          .hasValueSatisfying(h -> assertThat(h.instance()).isEqualTo("test-daemon"));
    }
  }

  @Test
  void preview_without_data_reads_firestore_and_writes_nothing() {
    Run preview =
        run(
            new PreviewCli(),
            env(),
            "--account",
            "demo-academy",
            "--rule",
            "overdue-daily",
            "--at",
            AT,
            "--json");

    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out())
        .startsWith("{\"rule\":\"overdue-daily\",\"occurrence\":\"2026-11-20T10:00\"")
        .contains("\"studentIds\":[\"stu-001\",\"stu-011\",\"stu-021\"]")
        .contains("{\"studentId\":\"stu-008\",\"reason\":\"OPTED_OUT\"}");
    assertThat(whatsapp.sends()).isEmpty();
  }
}
