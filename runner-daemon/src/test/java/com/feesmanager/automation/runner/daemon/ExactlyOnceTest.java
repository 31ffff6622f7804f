package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOccurrenceClaims;
import com.feesmanager.automation.adapters.local.InMemoryOperatorHolds;
import com.feesmanager.automation.adapters.local.InMemoryRateLimitLedger;
import com.feesmanager.automation.adapters.local.InMemoryRunLog;
import com.feesmanager.automation.adapters.local.InMemorySessionBindings;
import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.AccountProblems;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.DeliverMessagesService;
import com.feesmanager.automation.application.FireDueOccurrencesService;
import com.feesmanager.automation.application.SendTimeTruth;
import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.delivery.RetryPolicy;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliverNextCommand;
import com.feesmanager.automation.ports.in.DeliverMessagesUseCase.DeliveryStep;
import com.feesmanager.automation.ports.in.FireDueOccurrencesUseCase.FireDueOccurrencesCommand;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SendTimeReads;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.feesmanager.automation.runner.daemon.cli.AccountDataOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The whole core on the embedded adapters, several "instances" sharing one queue, claims and
 * ledger: each reminder is queued once and sent once, and a worker that dies mid-send never causes
 * a second send.
 */
class ExactlyOnceTest {

  private static final Instant AT = Instant.parse("2026-11-20T05:00:30Z"); // 10:00:30 Karachi
  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);

  private final FileAccountData data = FileAccountData.load(List.of(SAMPLE), AccountDefaults.SPEC);
  private final InMemoryMessageQueue queue =
      new InMemoryMessageQueue(Duration.ofMinutes(2), Duration.ofDays(14));
  private final InMemoryOccurrenceClaims claims = new InMemoryOccurrenceClaims();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final InMemoryRateLimitLedger ledger = new InMemoryRateLimitLedger();
  private final RecordingAlerts alerts = new RecordingAlerts();
  private final InMemoryDailyTally tally = new InMemoryDailyTally();
  private final InMemorySessionBindings bindings = new InMemorySessionBindings();
  private final AutomationSettings settings =
      new AutomationSettings(
          Duration.ofHours(6),
          Duration.ofMinutes(5),
          Duration.ZERO,
          new RetryPolicy(3, Duration.ofSeconds(30)),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  /** A gateway that counts sends per recipient and body, and finds them when asked. */
  private static final class CountingGateway implements WhatsAppGateway {
    final List<String> sends = Collections.synchronizedList(new ArrayList<>());

    @Override
    public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
      int index = sends.indexOf(to.digits() + "|" + text);
      return index < 0 ? new SentLookup.NotFound() : new SentLookup.Found("id-" + (index + 1));
    }

    @Override
    public SendResult send(String session, PhoneNumber to, String text) {
      sends.add(to.digits() + "|" + text);
      return new SendResult.Sent("id-" + sends.size(), false);
    }

    @Override
    public SessionState sessionState(String session) {
      return SessionState.CONNECTED;
    }

    @Override
    public SessionState startSession(String session) {
      return SessionState.CONNECTED;
    }

    @Override
    public NumberCheck checkNumber(String session, PhoneNumber number) {
      return new NumberCheck.Exists(number.digits(), true);
    }

    @Override
    public ConnectionCheck checkConnection(String session) {
      return ConnectionCheck.ALIVE;
    }

    @Override
    public boolean closeSession(String session) {
      return true;
    }
  }

  private FireDueOccurrencesService instance() {
    return new FireDueOccurrencesService(
        data,
        data,
        data,
        claims,
        queue,
        log,
        new InMemoryRunLog(),
        alerts,
        tally,
        new ReminderPlanner(new PhoneNormaliser("92")),
        settings,
        new AccountProblems());
  }

  private DeliverMessagesService worker(WhatsAppGateway gateway) {
    return new DeliverMessagesService(
        queue,
        data,
        new InMemoryOperatorHolds(),
        new SendTimeTruth(
            SendTimeReads.ONE_BY_ONE,
            data,
            data,
            data,
            log,
            new ReminderPlanner(new PhoneNormaliser("92"))),
        ledger,
        gateway,
        log,
        bindings,
        alerts,
        new AccountProblems(),
        tally,
        settings,
        RandomGenerator.getDefault());
  }

  @Test
  void three_instances_firing_the_same_minute_queue_and_send_each_message_once()
      throws InterruptedException {
    // given three instances and their three workers, started at once
    CountingGateway gateway = new CountingGateway();
    Set<String> fired = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FireDueOccurrencesService instance = instance();
      DeliverMessagesService worker = worker(gateway);
      threads.add(
          new Thread(
              () -> {
                instance
                    .fireDueOccurrences(new FireDueOccurrencesCommand(AT))
                    .occurrences()
                    .forEach(o -> fired.add(o.ruleId() + "@" + o.occurrence()));
                drain(worker);
              }));
    }

    // when
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    // then: every occurrence fired once, every queued message sent exactly once
    assertThat(fired).contains("overdue-daily@2026-11-20T10:00");
    List<MessageLog> logs = log.all();
    long sentLogs = logs.stream().filter(l -> l.status() == MessageStatus.SENT).count();
    assertThat(sentLogs).isPositive();
    assertThat(gateway.sends).hasSize((int) sentLogs);
    assertThat(gateway.sends).doesNotHaveDuplicates();
    assertThat(logs).noneMatch(l -> l.status() == MessageStatus.QUEUED);
    // and the heartbeat's tally saw each send once
    assertThat(tally.counts("demo-academy", java.time.LocalDate.of(2026, 11, 20)).sent())
        .isEqualTo(sentLogs);
  }

  /** Fires once, then a worker claims a message, marks its send started and dies. */
  private Claim fireAndDieMidSend() {
    instance().fireDueOccurrences(new FireDueOccurrencesCommand(AT));
    String session = queue.sessions().iterator().next();
    Claim dying = queue.claimNext(session, AT).orElseThrow();
    queue.markSending(dying, AT);
    return dying;
  }

  private List<DeliveryStep> drainAt(DeliverMessagesService worker, String session, Instant at) {
    List<DeliveryStep> steps = new ArrayList<>();
    for (DeliveryStep step = worker.deliverNext(new DeliverNextCommand(session, at));
        !(step instanceof DeliveryStep.Idle);
        step = worker.deliverNext(new DeliverNextCommand(session, at))) {
      steps.add(step);
    }
    return steps;
  }

  @Test
  void a_worker_that_died_before_its_send_went_out_is_asked_for_then_sent_exactly_once() {
    // given a worker that died after marking its send started, before the gateway got it
    Claim dying = fireAndDieMidSend();
    String session = dying.message().session();
    String interrupted =
        dying.message().message().to().digits() + "|" + dying.message().message().body();

    // when another worker drains after the visibility timeout, and again after the retry delay
    CountingGateway gateway = new CountingGateway();
    DeliverMessagesService worker = worker(gateway);
    List<DeliveryStep> steps = drainAt(worker, session, AT.plus(Duration.ofMinutes(3)));
    assertThat(gateway.sends).doesNotContain(interrupted);
    assertThat(log.find(dying.message().uid(), dying.message().key()).orElseThrow().reason())
        .contains("NOT_SENT");
    steps.addAll(drainAt(worker, session, AT.plus(Duration.ofMinutes(10))));

    // then the chat had no such message: it was an ordinary failed attempt, sent once on retry
    assertThat(gateway.sends).containsOnlyOnce(interrupted).doesNotHaveDuplicates();
    long sent = steps.stream().filter(s -> s instanceof DeliveryStep.Sent).count();
    assertThat(gateway.sends).hasSize((int) sent);
    assertThat(log.find(dying.message().uid(), dying.message().key()).orElseThrow().status())
        .isEqualTo(MessageStatus.SENT);
    assertThat(log.all()).noneMatch(l -> l.status() == MessageStatus.QUEUED);
  }

  @Test
  void a_worker_that_died_after_its_send_went_out_causes_no_second_send() {
    // given a worker that died after the gateway took its message
    Claim dying = fireAndDieMidSend();
    String session = dying.message().session();
    CountingGateway gateway = new CountingGateway();
    gateway.send(session, dying.message().message().to(), dying.message().message().body());

    // when another worker drains after the visibility timeout
    List<DeliveryStep> steps = drainAt(worker(gateway), session, AT.plus(Duration.ofMinutes(3)));

    // then the message is found in the chat and logged SENT, and every message went out once
    MessageLog interrupted = log.find(dying.message().uid(), dying.message().key()).orElseThrow();
    assertThat(interrupted.status()).isEqualTo(MessageStatus.SENT);
    assertThat(interrupted.providerMessageId()).contains("id-1");
    assertThat(gateway.sends).doesNotHaveDuplicates();
    long sent = steps.stream().filter(s -> s instanceof DeliveryStep.Sent).count();
    assertThat(gateway.sends).hasSize((int) sent);
    assertThat(alerts.alerts()).noneMatch(a -> a.event().equals("UNKNOWN_OUTCOME"));
    assertThat(log.all()).noneMatch(l -> l.status() == MessageStatus.QUEUED);
  }

  private void drain(DeliverMessagesService worker) {
    for (String session : queue.sessions()) {
      while (!(worker.deliverNext(new DeliverNextCommand(session, AT))
          instanceof DeliveryStep.Idle)) {
        // keep delivering until this worker finds nothing ready
      }
    }
  }
}
