package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.feesmanager.automation.runner.daemon.alerts.LoggingAlerts;
import com.feesmanager.automation.runner.daemon.config.AutomationConfig;
import com.feesmanager.automation.runner.daemon.config.ConfigLoader;
import com.feesmanager.automation.runner.daemon.wiring.EmbeddedAdaptersModule;
import com.feesmanager.automation.runner.daemon.wiring.ServerClients;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick that starts while a message held by an earlier run still waits out its hold, and whose
 * budget ends before it: exit 1 while the session is still down, 0 when it is back (the message is
 * then only waiting for the next run). Embedded adapters, a gateway whose session state is set.
 */
class TickHeldSessionTest {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);
  // 03:00 in Karachi: no occurrence of the sample is due within the misfire grace
  private static final Instant START = Instant.parse("2026-11-19T22:00:00Z");

  @TempDir Path dir;

  /** A gateway whose session is in {@code state}; it sends only when CONNECTED. */
  private static final class SettableGateway implements WhatsAppGateway {
    volatile SessionState state = SessionState.CLOSED;

    @Override
    public SendResult send(String session, PhoneNumber to, String text) {
      return state.canSend()
          ? new SendResult.Sent("id-1", false)
          : new SendResult.SessionDown("session " + state);
    }

    @Override
    public SessionState sessionState(String session) {
      return state;
    }

    @Override
    public SessionState startSession(String session) {
      return state;
    }

    @Override
    public NumberCheck checkNumber(String session, PhoneNumber number) {
      return new NumberCheck.Exists(number.digits(), true);
    }

    @Override
    public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
      return new SentLookup.NotFound(); // this gateway never leaves a send ambiguous
    }

    @Override
    public ConnectionCheck checkConnection(String session) {
      return state.canSend() ? ConnectionCheck.ALIVE : ConnectionCheck.DEAD;
    }

    @Override
    public boolean closeSession(String session) {
      return true;
    }
  }

  private final SettableGateway gateway = new SettableGateway();
  private final Clock clock =
      Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

  private Injector injector(PrintStream out) {
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
            .with(binder -> binder.bind(WhatsAppGateway.class).toInstance(gateway)));
    return Guice.createInjector(modules);
  }

  /** A message of the sample's session that an earlier tick held until START + 20 s. */
  private static void heldByAnEarlierTick(Injector injector) {
    MessageQueue queue = injector.getInstance(MessageQueue.class);
    QueuedMessage message =
        new QueuedMessage(
            "demo-academy",
            "demo",
            "overdue-daily",
            "Overdue reminder",
            "2026-11-19T10:00",
            new PlannedMessage(
                new MessageKey("held-key"),
                List.of("stu-001"),
                List.of("Ali Raza"),
                new PhoneNumber("923001234567"),
                "Dear Imran Raza, the fee for Ali Raza is overdue.",
                List.of(new MatchedFees("stu-001", List.of(YearMonth.of(2026, 11))))),
            START.minusSeconds(40));
    assertThat(queue.enqueue(message, START.minusSeconds(40))).isTrue();
    queue.release(
        queue.claimNext("demo", START.minusSeconds(10)).orElseThrow(),
        START.plusSeconds(20),
        false);
  }

  private Tick.Report tick(Injector injector, ByteArrayOutputStream printed)
      throws InterruptedException {
    return Tick.on(
        injector,
        clock,
        clock.instant(),
        Duration.ofSeconds(2),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @Test
  void
      a_message_held_before_and_not_due_within_the_budget_counts_as_held_while_the_session_is_down()
          throws InterruptedException {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Injector injector = injector(new PrintStream(printed, true, StandardCharsets.UTF_8));
    heldByAnEarlierTick(injector);

    // when
    Tick.Report report = tick(injector, printed);

    // then
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(out).isEqualTo(1);
    assertThat(report.held()).isEqualTo(1);
    assertThat(out)
        .contains("held: session demo (WhatsApp session CLOSED), stays queued for the next run")
        .contains("held 1, waiting 0");
  }

  @Test
  void a_message_held_before_and_not_due_within_the_budget_only_waits_once_the_session_is_back()
      throws InterruptedException {
    // given
    gateway.state = SessionState.CONNECTED;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Injector injector = injector(new PrintStream(printed, true, StandardCharsets.UTF_8));
    heldByAnEarlierTick(injector);

    // when
    Tick.Report report = tick(injector, printed);

    // then
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.exitCode()).as(out).isZero();
    assertThat(report.waiting()).isEqualTo(1);
    assertThat(out)
        .contains("waiting: session demo, next message due at 2026-11-19T22:00:20Z")
        .contains("held 0, waiting 1");
  }
}
