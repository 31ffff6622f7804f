package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Heartbeats written over REST read back by the web app's gRPC client and the other way round (the
 * REST codec against what the gRPC client writes and reads), and the REST board's writer: refused
 * writes dropped, a newer heartbeat replacing one still waiting.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestStatusBoardIT {

  private static final Instant AT = Instant.parse("2026-11-10T05:00:00.123456Z");

  private FirestoreConnection connection;

  private static FirestoreConnection open(FirestoreConfig config) {
    return FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
  }

  @BeforeAll
  void connect() {
    connection = open(FirestoreEmulatorExtension.emulator().config());
  }

  @AfterAll
  void close() {
    connection.close();
  }

  private static Heartbeat everyField() {
    return aHeartbeat()
        .at(AT)
        .withGateway(SessionState.NEEDS_SCAN)
        .withQr(new PairingQr("data:image/png;base64,AAAA", AT.plusSeconds(45)))
        .withToday(3, 1, 2)
        .withProblems(
            List.of(
                new AccountProblem(
                    "RULE_INVALID", Optional.of("r1"), Optional.empty(), "بد قاعدہ", AT)))
        .build();
  }

  @Test
  void a_heartbeat_written_over_rest_is_read_back_over_grpc_and_by_a_fresh_rest_board()
      throws Exception {
    // given
    String uid = Unique.name("academy");
    Heartbeat heartbeat = everyField();

    // when
    connection.statusBoard().publish(uid, heartbeat);
    assertThat(connection.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(connection.pendingWrites()).isZero();

    // then
    FirestoreConfig config = FirestoreEmulatorExtension.emulator().config();
    try (Firestore webApp = FirestoreEmulatorExtension.emulator().documentsClient();
        FirestoreConnection rest = open(config)) {
      assertThat(
              WrittenDocuments.heartbeat(
                  webApp.document(statusPath(uid)).get().get(10, TimeUnit.SECONDS).getData()))
          .isEqualTo(heartbeat);
      assertThat(rest.statusBoard().last(uid)).contains(heartbeat);
      assertThat(rest.grpcBuilt()).isFalse();
    }
  }

  @Test
  void a_heartbeat_firestore_refuses_is_dropped_not_retried_and_holds_up_no_other() {
    // given a heartbeat whose document path Firestore refuses (an empty account id)
    String uid = Unique.name("academy");
    connection.statusBoard().publish("", everyField());

    // when another account's heartbeat follows
    connection.statusBoard().publish(uid, everyField());

    // then both are settled: the refused one dropped (logged), the other written
    assertThat(connection.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(connection.pendingWrites()).isZero();
    assertThat(connection.statusBoard().last(uid)).contains(everyField());
  }

  @Test
  void a_heartbeat_written_over_grpc_is_read_over_rest() throws Exception {
    // given
    String uid = Unique.name("academy");
    Heartbeat heartbeat = everyField();
    FirestoreConfig config = FirestoreEmulatorExtension.emulator().config();
    try (Firestore webApp = FirestoreEmulatorExtension.emulator().documentsClient()) {
      webApp
          .document(statusPath(uid))
          .set(WrittenDocuments.heartbeatFields(heartbeat))
          .get(10, TimeUnit.SECONDS);
    }

    // when
    try (FirestoreConnection rest = open(config)) {
      Optional<Heartbeat> read = rest.statusBoard().last(uid);

      // then
      assertThat(read).contains(heartbeat);
    }
  }

  @Test
  void a_newer_heartbeat_replaces_one_still_waiting_and_the_newest_is_what_lands() {
    // given
    String uid = Unique.name("academy");

    // when three heartbeats follow each other without waiting
    for (int i = 0; i < 3; i++) {
      connection.statusBoard().publish(uid, aHeartbeat().at(AT.plusSeconds(i)).build());
    }
    // then the newest is seen at once, and is what is stored once flushed
    assertThat(connection.statusBoard().last(uid).map(Heartbeat::heartbeatAt))
        .contains(AT.plusSeconds(2));
    assertThat(connection.flush(Duration.ofSeconds(10))).isTrue();
    try (FirestoreConnection rest = open(FirestoreEmulatorExtension.emulator().config())) {
      assertThat(rest.statusBoard().last(uid).map(Heartbeat::heartbeatAt))
          .contains(AT.plusSeconds(2));
    }
  }

  private static String statusPath(String uid) {
    return "users/" + uid + "/automation/status";
  }
}
