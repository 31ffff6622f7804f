package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOccurrenceClaims;
import com.feesmanager.automation.adapters.local.InMemoryRateLimitLedger;
import com.feesmanager.automation.adapters.local.InMemoryRunLog;
import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.DeliverMessagesService;
import com.feesmanager.automation.application.FireDueOccurrencesService;
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
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
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
  private final AutomationSettings settings =
      new AutomationSettings(
          Duration.ofHours(6),
          Duration.ofMinutes(5),
          Duration.ZERO,
          new RetryPolicy(3, Duration.ofSeconds(30)),
          Duration.ofSeconds(30));

  /** A gateway that counts sends per recipient and body. */
  private static final class CountingGateway implements WhatsAppGateway {
    final List<String> sends = Collections.synchronizedList(new ArrayList<>());

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
    public SentLookup findSent(String session, PhoneNumber to, String text, Instant notBefore) {
      return new SentLookup.NotFound();
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
        settings);
  }

  private DeliverMessagesService worker(WhatsAppGateway gateway) {
    return new DeliverMessagesService(
        queue,
        data,
        data,
        ledger,
        gateway,
        log,
        alerts,
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

  @Test
  void a_worker_that_dies_mid_send_causes_no_second_send_and_is_reported() {
    // given one fired occurrence and a worker that claimed a message, began sending, and died
    instance().fireDueOccurrences(new FireDueOccurrencesCommand(AT));
    String session = queue.sessions().iterator().next();
    Claim dying = queue.claimNext(session, AT).orElseThrow();
    queue.markSending(dying, AT);

    // when another worker drains after the visibility timeout
    CountingGateway gateway = new CountingGateway();
    Instant later = AT.plus(Duration.ofMinutes(3));
    List<DeliveryStep> steps = new ArrayList<>();
    DeliverMessagesService worker = worker(gateway);
    for (DeliveryStep step = worker.deliverNext(new DeliverNextCommand(session, later));
        !(step instanceof DeliveryStep.Idle);
        step = worker.deliverNext(new DeliverNextCommand(session, later))) {
      steps.add(step);
    }

    // then the interrupted message is FAILED as UNKNOWN_OUTCOME and never handed to the gateway
    MessageLog interrupted = log.find(dying.message().uid(), dying.message().key()).orElseThrow();
    assertThat(interrupted.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(interrupted.reason()).contains("UNKNOWN_OUTCOME");
    assertThat(gateway.sends)
        .noneMatch(
            s ->
                s.endsWith("|" + dying.message().message().body())
                    && s.startsWith(dying.message().message().to().digits()));
    assertThat(alerts.alerts()).anyMatch(a -> a.event().equals("UNKNOWN_OUTCOME"));
    // and every other message was sent exactly once
    long sent = steps.stream().filter(s -> s instanceof DeliveryStep.Sent).count();
    assertThat(gateway.sends).hasSize((int) sent).doesNotHaveDuplicates();
    assertThat(
            log.all().stream()
                .filter(l -> l.status() == MessageStatus.QUEUED)
                .collect(Collectors.toList()))
        .isEmpty();
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
