package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.DocumentChange;
import com.google.cloud.firestore.ListenerRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two processes (two clients, two writers) racing on the same message logs: one moves each log
 * QUEUED → SENT → DELIVERED → READ, the other writes QUEUED and a late SENT at the same time. A
 * listener on the collection must never see a status move backwards, and every log ends READ.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreDeliveryLogRaceIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");
  private static final int LOGS = 100;

  @Test
  @NeedsOfficialEmulator({
    "update-time preconditions (ignored: a stale conditional write lands)",
    "transaction isolation"
  })
  void twoWritersRacing_neverMoveAStatusBackwards() throws Exception {
    FirestoreConfig config = FirestoreEmulatorExtension.emulator().config();
    String uid = Unique.name("academy");
    List<MessageLog> queued = new ArrayList<>();
    for (int i = 0; i < LOGS; i++) {
      queued.add(aMessageLog().forAccount(uid).queuedAt(T0).build());
    }
    Map<String, List<MessageStatus>> observed = new ConcurrentHashMap<>();
    CountDownLatch allRead = new CountDownLatch(LOGS);
    Map<String, Boolean> counted = new ConcurrentHashMap<>();
    try (FirestoreConnection daemon1 = open(config);
        FirestoreConnection daemon2 = open(config);
        FirestoreConnection watcher = open(config)) {
      ListenerRegistration listener =
          watcher
              .firestore()
              .collection("users/" + uid + "/messageLogs")
              .addSnapshotListener(
                  (snapshot, error) -> {
                    if (snapshot == null) {
                      return;
                    }
                    for (DocumentChange change : snapshot.getDocumentChanges()) {
                      String id = change.getDocument().getId();
                      MessageStatus status =
                          MessageStatus.valueOf(change.getDocument().getString("status"));
                      observed.computeIfAbsent(id, k -> new ArrayList<>()).add(status);
                      if (status == MessageStatus.READ && counted.putIfAbsent(id, true) == null) {
                        allRead.countDown();
                      }
                    }
                  });
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      Future<?> forward =
          threads.submit(
              () -> {
                start.await();
                step(daemon1, queued, log -> log);
                step(daemon1, queued, log -> sent(log, 5));
                step(
                    daemon1,
                    queued,
                    log ->
                        sent(log, 5)
                            .movedTo(MessageStatus.DELIVERED, T0.plusSeconds(9), Optional.empty()));
                step(
                    daemon1,
                    queued,
                    log ->
                        sent(log, 5)
                            .movedTo(MessageStatus.READ, T0.plusSeconds(60), Optional.empty()));
                return null;
              });
      Future<?> late =
          threads.submit(
              () -> {
                start.await();
                for (int round = 0; round < 2; round++) {
                  step(daemon2, queued, log -> log.withAttempts(1));
                  step(daemon2, queued, log -> sent(log, 7));
                }
                return null;
              });
      forward.get(60, TimeUnit.SECONDS);
      late.get(60, TimeUnit.SECONDS);
      threads.shutdown();
      assertThat(daemon2.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(allRead.await(30, TimeUnit.SECONDS)).as("every log reached READ").isTrue();
      listener.remove();

      // then
      assertThat(observed).hasSize(LOGS);
      observed.forEach(
          (id, statuses) -> {
            for (int i = 1; i < statuses.size(); i++) {
              MessageStatus before = statuses.get(i - 1);
              MessageStatus after = statuses.get(i);
              assertThat(before == after || before.canMoveTo(after))
                  .as("log %s went %s", id, statuses)
                  .isTrue();
            }
          });
      for (MessageLog log : queued) {
        assertThat(watcher.deliveryLog().find(uid, log.key()))
            .hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(MessageStatus.READ));
      }
    }
  }

  private static MessageLog sent(MessageLog log, int seconds) {
    return log.movedTo(MessageStatus.SENT, T0.plusSeconds(seconds), Optional.empty())
        .withAttempts(1);
  }

  private interface Step {
    MessageLog apply(MessageLog log);
  }

  private static void step(FirestoreConnection daemon, List<MessageLog> logs, Step step) {
    for (MessageLog log : logs) {
      daemon.deliveryLog().record(step.apply(log));
    }
    assertThat(daemon.flush(Duration.ofSeconds(30))).isTrue();
  }

  private static FirestoreConnection open(FirestoreConfig config) {
    return FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
  }
}
