package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10: logs that survive a crash, and a write-behind buffer bounded in bytes. The end of a
 * queued message is in Firestore when {@code record} returns (read back by another client at once,
 * as the web app would after a {@code kill -9}); QUEUED logs wait in a buffer that never holds more
 * than its bound and never drops one.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreDurableLogIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private static FirestoreConnection connection;
  private static Firestore webApp;

  @BeforeAll
  static void connect() {
    connection =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC());
    webApp = FirestoreEmulatorExtension.emulator().documentsClient();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    webApp.close();
  }

  @Test
  void aSentLog_isInFirestoreWhenRecordReturns_evenBehindABacklogOfQueuedLogs() throws Exception {
    // given a backlog of QUEUED logs still waiting to be written (a large occurrence just fired)
    String uid = Unique.name("academy");
    for (int i = 0; i < 1500; i++) {
      connection.deliveryLog().record(aMessageLog().forAccount(uid).queuedAt(T0).build());
    }
    MessageLog queued = aMessageLog().forAccount(uid).queuedAt(T0).build();
    connection.deliveryLog().record(queued);

    // when one message is sent and its SENT log recorded
    MessageLog sent =
        queued
            .movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty())
            .withProviderMessageId("true_923001234567@c.us_3EB0AAA");
    assertThat(connection.deliveryLog().record(sent)).isTrue();

    // then, at that moment, Firestore holds it (a kill -9 now loses nothing)
    DocumentSnapshot stored = stored(uid, queued);
    assertThat(stored.getString("status")).isEqualTo("SENT");
    assertThat(stored.getString("providerMessageId")).isEqualTo("true_923001234567@c.us_3EB0AAA");
    assertThat(stored.getString("body")).isEqualTo(queued.body());
    // and the QUEUED write it overtook never moves it back
    assertThat(connection.flush(Duration.ofSeconds(60))).isTrue();
    assertThat(stored(uid, queued).getString("status")).isEqualTo("SENT");
    assertThat(connection.deliveryLog().find(uid, queued.key()).orElseThrow().status())
        .isEqualTo(MessageStatus.SENT);
  }

  @Test
  void everyEndOfAQueuedMessage_isWrittenThrough_andAStepBackIsRefused() throws Exception {
    String uid = Unique.name("academy");
    for (MessageStatus end :
        List.of(MessageStatus.FAILED, MessageStatus.DEAD, MessageStatus.SKIPPED)) {
      // given a message QUEUED in the buffer
      MessageLog queued = aMessageLog().forAccount(uid).queuedAt(T0).build();
      connection.deliveryLog().record(queued);

      // when it ends
      assertThat(
              connection
                  .deliveryLog()
                  .record(queued.movedTo(end, T0.plusSeconds(9), Optional.of("WHY"))))
          .isTrue();

      // then Firestore has the end at once, and a late QUEUED is refused
      assertThat(stored(uid, queued).getString("status")).isEqualTo(end.name());
      assertThat(connection.deliveryLog().record(queued.withAttempts(1))).isFalse();
    }
  }

  @Test
  void whenFirestoreCannotBeWritten_recordOfASentLogThrows_whileAQueuedLogWaits() throws Exception {
    // given a connection to a Firestore that does not answer
    FirestoreConfig nowhere =
        FirestoreConfig.emulator("127.0.0.1:" + freePort(), FirestoreEmulator.PROJECT)
            .withCallTimeout(Duration.ofMillis(500));
    try (FirestoreConnection down =
        FirestoreConnection.open(nowhere, AccountDefaults.SPEC, Clock.systemUTC())) {
      MessageLog queued = aMessageLog().forAccount(Unique.name("academy")).queuedAt(T0).build();

      // when a QUEUED log is recorded: it waits in the buffer, and find sees it
      assertThat(down.deliveryLog().record(queued)).isTrue();
      assertThat(down.deliveryLog().find(queued.uid(), queued.key())).contains(queued);

      // when its SENT log is recorded: the caller learns it is not durable, within the timeout
      MessageLog sent = queued.movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty());
      long started = System.nanoTime();
      assertThatThrownBy(() -> down.deliveryLog().record(sent))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("not written within");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

      // and nothing claims it was: the log this process knows is still QUEUED
      assertThat(down.deliveryLog().find(queued.uid(), queued.key())).contains(queued);
      down.close(Duration.ZERO);
    }
  }

  @Test
  void afterALogWrittenThroughGotNoAnswer_theNextFailAtOnceUntried_andOneIsTriedPerWindow()
      throws Exception {
    // given a Firestore that does not answer, and one SENT log it already failed to take
    FirestoreConfig nowhere =
        FirestoreConfig.emulator("127.0.0.1:" + freePort(), FirestoreEmulator.PROJECT)
            .withCallTimeout(Duration.ofMillis(500));
    try (FirestoreConnection down =
        FirestoreConnection.open(nowhere, AccountDefaults.SPEC, Clock.systemUTC())) {
      String uid = Unique.name("academy");
      MessageLog first = aMessageLog().forAccount(uid).queuedAt(T0).build();
      assertThatThrownBy(
              () ->
                  down.deliveryLog()
                      .record(first.movedTo(MessageStatus.SENT, T0, Optional.empty())))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("not written within");

      // when the next message's SENT log is recorded at once (issue 13: a worker lost a second
      // per message, and re-asks during the outage held fresh sends up)
      MessageLog second = aMessageLog().forAccount(uid).queuedAt(T0).build();
      MessageLog sent = second.movedTo(MessageStatus.SENT, T0, Optional.empty());

      // then it fails untried, and the caller still learns it is not durable
      assertThatThrownBy(() -> down.deliveryLog().record(sent))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("log not tried");

      // and once the window has passed, one is tried for real again
      Thread.sleep(WriteBehind.UNTRIED_WINDOW.toMillis() + 100);
      assertThatThrownBy(() -> down.deliveryLog().record(sent))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining("not written within");
      down.close(Duration.ZERO);
    }
  }

  @Test
  void theBufferIsBoundedInBytes_andEveryLogLandsAllTheSame() throws Exception {
    // given a writer whose buffer holds about 40 KiB (some 40 logs)
    long bound = 40 * 1024;
    Calls calls =
        new Calls(Duration.ofSeconds(10), 1, Duration.ofMillis(100), Duration.ofMillis(1));
    WriteBehind writer = new WriteBehind(connection.rest(), calls, Duration.ofSeconds(1), bound);
    FirestoreDeliveryLog log =
        new FirestoreDeliveryLog(connection.rest(), calls, writer, Duration.ofSeconds(10));
    String uid = Unique.name("academy");
    List<MessageLog> logs = new ArrayList<>();
    long largest = 0;
    try {
      // when many more QUEUED logs than fit are recorded at once
      for (int i = 0; i < 600; i++) {
        MessageLog queued =
            aMessageLog().forAccount(uid).withBody("x".repeat(400)).queuedAt(T0).build();
        logs.add(queued);
        assertThat(log.record(queued)).isTrue();
        largest = Math.max(largest, writer.pendingBytes());
      }
      assertThat(writer.flush(Duration.ofSeconds(60))).isTrue();
    } finally {
      writer.close();
    }

    // then the buffer never held more than its bound, and every log is in Firestore
    long oneLog =
        WriteBehind.size(
            new WriteBehind.LogWrite(ref(uid, logs.get(0)).getPath(), logs.get(0), true));
    assertThat(largest).isPositive().isLessThanOrEqualTo(bound);
    assertThat(oneLog).isGreaterThan(800); // 400 characters at two bytes, and the rest
    assertThat(
            webApp
                .collection("users/" + uid + "/messageLogs")
                .get()
                .get(30, TimeUnit.SECONDS)
                .size())
        .isEqualTo(600);
  }

  private static com.google.cloud.firestore.DocumentReference ref(String uid, MessageLog log) {
    return connection.firestore().document("users/" + uid + "/messageLogs/" + log.key().value());
  }

  private static DocumentSnapshot stored(String uid, MessageLog log)
      throws InterruptedException, ExecutionException {
    DocumentSnapshot snapshot =
        webApp.document("users/" + uid + "/messageLogs/" + log.key().value()).get().get();
    assertThat(snapshot.exists()).as("log %s in Firestore", log.key()).isTrue();
    return snapshot;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
