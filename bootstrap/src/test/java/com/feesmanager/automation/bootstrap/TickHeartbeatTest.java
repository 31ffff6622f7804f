package com.feesmanager.automation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.InMemoryStatusBoard;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.bootstrap.alerts.LoggingAlerts;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.bootstrap.wiring.EmbeddedAdaptersModule;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat a tick writes at its end (SPEC §8, issue 14): every enabled account's, with its
 * session's state and QR code asked of the gateway; a heartbeat that cannot be written is a line
 * and changes no exit code. Embedded adapters, the sample account, nothing due.
 */
class TickHeartbeatTest {

  private static final Path SAMPLE = Path.of("..", "examples", "academy-demo.json");
  // 03:00 in Karachi: no occurrence of the sample is due within the misfire grace
  private static final Instant START = Instant.parse("2026-11-19T22:00:00Z");
  private static final String QR = "data:image/png;base64,iVBORw0KGgo=";

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  /** A logged-out session: it waits for a scan and shows a QR code. */
  private static final class LoggedOutGateway implements WhatsAppGateway {
    @Override
    public SendResult send(String session, PhoneNumber to, String text) {
      return new SendResult.SessionDown("session NEEDS_SCAN");
    }

    @Override
    public SessionState sessionState(String session) {
      return SessionState.NEEDS_SCAN;
    }

    @Override
    public SessionState startSession(String session) {
      return SessionState.NEEDS_SCAN;
    }

    @Override
    public NumberCheck checkNumber(String session, PhoneNumber number) {
      return new NumberCheck.Exists(number.digits(), true);
    }

    @Override
    public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
      return new SentLookup.NotFound();
    }

    @Override
    public ConnectionCheck checkConnection(String session) {
      return ConnectionCheck.DEAD;
    }

    @Override
    public boolean closeSession(String session) {
      return true;
    }

    @Override
    public Optional<String> pairingQr(String session) {
      return Optional.of(QR);
    }
  }

  /** Counts the queries of the enabled accounts (each reads every enabled account document). */
  private static final class CountingDirectory implements AccountDirectory {
    private final AccountDirectory accounts;
    final AtomicInteger scans = new AtomicInteger();

    CountingDirectory(AccountDirectory accounts) {
      this.accounts = accounts;
    }

    @Override
    public AccountScan enabledAccounts() {
      scans.incrementAndGet();
      return accounts.enabledAccounts();
    }

    @Override
    public Optional<AccountSettings> account(String uid) {
      return accounts.account(uid);
    }
  }

  /** Counts each account's reads of its rules and templates (two queries each in Firestore). */
  private static final class CountingRules implements RuleSource {
    private final RuleSource rules;
    final Map<String, Integer> reads = new ConcurrentHashMap<>();

    CountingRules(RuleSource rules) {
      this.rules = rules;
    }

    @Override
    public RuleBook rules(String uid) {
      reads.merge(uid, 1, Integer::sum);
      return rules.rules(uid);
    }
  }

  private Injector injector(StatusBoard board) {
    return injector(board, Optional.empty());
  }

  private Injector injector(StatusBoard board, Optional<CountingDirectory> counting) {
    AutomationConfig config = ServerRuntime.config(Map.of(), ConfigLoader.Mode.EMBEDDED);
    List<Module> modules =
        new ArrayList<>(
            ServerRuntime.coreModules(
                config, clock, new LoggingAlerts(), new InMemoryDailyTally()));
    modules.add(
        Modules.override(
                new EmbeddedAdaptersModule(
                    FileAccountData.load(List.of(SAMPLE), ServerClients.accountDefaults(config)),
                    new OutboxGateway(out, dir.resolve("outbox.txt"))))
            .with(
                binder -> {
                  binder.bind(WhatsAppGateway.class).toInstance(new LoggedOutGateway());
                  binder.bind(StatusBoard.class).toInstance(board);
                  counting.ifPresent(
                      directory -> binder.bind(AccountDirectory.class).toInstance(directory));
                }));
    return Guice.createInjector(modules);
  }

  @Test
  void a_tick_writes_each_accounts_heartbeat_with_the_qr_code_to_scan() throws Exception {
    InMemoryStatusBoard board = new InMemoryStatusBoard();

    Tick.Report report = Tick.on(injector(board), clock, START, Duration.ZERO, out);

    String printedOut = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(printedOut).isZero();
    assertThat(printedOut).contains("heartbeat: written for 1 account(s)");
    Heartbeat heartbeat = board.last("demo-academy").orElseThrow();
    assertThat(heartbeat.heartbeatAt()).isEqualTo(START);
    assertThat(heartbeat.instance()).startsWith("tick-");
    assertThat(heartbeat.gatewayStatus()).isEqualTo(SessionState.NEEDS_SCAN);
    assertThat(heartbeat.qr()).contains(new PairingQr(QR, START.plusSeconds(60)));
    assertThat(heartbeat.queue()).isEqualTo(QueueCounts.EMPTY);
    assertThat(heartbeat.nextRuns()).isNotEmpty();
  }

  @Test
  void a_tick_queries_the_enabled_accounts_once_for_firing_and_the_heartbeat() throws Exception {
    InMemoryStatusBoard board = new InMemoryStatusBoard();
    CountingDirectory counting =
        new CountingDirectory(
            FileAccountData.load(
                List.of(SAMPLE),
                ServerClients.accountDefaults(
                    ServerRuntime.config(Map.of(), ConfigLoader.Mode.EMBEDDED))));

    Tick.Report report =
        Tick.on(injector(board, Optional.of(counting)), clock, START, Duration.ZERO, out);

    String printedOut = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(printedOut).isZero();
    assertThat(printedOut).contains("heartbeat: written for 1 account(s)");
    // firing, the sessions' states and the heartbeats share one scan (issue 16: it was three)
    assertThat(counting.scans).hasValue(1);
  }

  @Test
  void a_tick_reads_each_accounts_rules_once_for_firing_and_the_heartbeats_next_runs()
      throws Exception {
    // two enabled accounts, nothing due: the sample and a copy of it under another uid
    Path second = dir.resolve("second-academy.json");
    Files.writeString(
        second,
        Files.readString(SAMPLE).replace("\"demo-academy\"", "\"second-academy\""),
        StandardCharsets.UTF_8);
    FileAccountData data =
        FileAccountData.load(
            List.of(SAMPLE, second),
            ServerClients.accountDefaults(
                ServerRuntime.config(Map.of(), ConfigLoader.Mode.EMBEDDED)));
    CountingRules counting = new CountingRules(data);
    InMemoryStatusBoard board = new InMemoryStatusBoard();

    Tick.Report report = Tick.on(injector(board, data, counting), clock, START, Duration.ZERO, out);

    String printedOut = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(printedOut).isZero();
    assertThat(printedOut).contains("heartbeat: written for 2 account(s)");
    // the heartbeat's next runs come from the rule books firing read (issue 16: read twice)
    assertThat(counting.reads)
        .containsOnly(Map.entry("demo-academy", 1), Map.entry("second-academy", 1));
    assertThat(board.last("second-academy").orElseThrow().nextRuns())
        .isEqualTo(board.last("demo-academy").orElseThrow().nextRuns())
        .isNotEmpty();
  }

  private Injector injector(StatusBoard board, FileAccountData data, RuleSource rules) {
    AutomationConfig config = ServerRuntime.config(Map.of(), ConfigLoader.Mode.EMBEDDED);
    List<Module> modules =
        new ArrayList<>(
            ServerRuntime.coreModules(
                config, clock, new LoggingAlerts(), new InMemoryDailyTally()));
    modules.add(
        Modules.override(
                new EmbeddedAdaptersModule(data, new OutboxGateway(out, dir.resolve("outbox.txt"))))
            .with(
                binder -> {
                  binder.bind(WhatsAppGateway.class).toInstance(new LoggedOutGateway());
                  binder.bind(StatusBoard.class).toInstance(board);
                  binder.bind(RuleSource.class).toInstance(rules);
                }));
    return Guice.createInjector(modules);
  }

  @Test
  void a_heartbeat_that_cannot_be_written_is_a_line_and_changes_no_exit_code() throws Exception {
    StatusBoard down =
        new StatusBoard() {
          @Override
          public void publish(String uid, Heartbeat heartbeat) {
            throw new StoreUnavailable("Firestore writes waiting fill the buffer");
          }

          @Override
          public Optional<Heartbeat> last(String uid) {
            throw new StoreUnavailable("deadline exceeded");
          }
        };

    Tick.Report report = Tick.on(injector(down), clock, START, Duration.ZERO, out);

    String printedOut = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(printedOut).isZero();
    assertThat(printedOut).contains("heartbeat: written for 0 account(s)");
  }
}
