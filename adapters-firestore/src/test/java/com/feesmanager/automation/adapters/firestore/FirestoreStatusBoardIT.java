package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.contract.StatusBoardContract;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The StatusBoard contract against Firestore (the emulator). */
@ExtendWith(FirestoreEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirestoreStatusBoardIT extends StatusBoardContract {

  FirestoreConnection connection;

  FirestoreConnection open(FirestoreConfig config) {
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

  @Override
  protected StatusBoard newBoard() {
    return connection.statusBoard();
  }

  @Test
  void problems_areWrittenWithTheSpecFieldNames_andAbsentIdsLeftOut() throws Exception {
    // given
    String uid = "academy-" + java.util.UUID.randomUUID();
    Instant since = Instant.parse("2026-11-10T04:00:00Z");
    connection
        .statusBoard()
        .publish(
            uid,
            aHeartbeat()
                .withProblems(
                    List.of(
                        new AccountProblem(
                            "RULE_INVALID", Optional.of("r1"), Optional.empty(), "bad", since),
                        new AccountProblem(
                            "DOCUMENT_UNREADABLE",
                            Optional.empty(),
                            Optional.of("s1"),
                            "fees[0].amount",
                            since)))
                .build());

    // when
    assertThat(connection.flush(Duration.ofSeconds(10))).isTrue();
    Map<String, Object> stored;
    try (Firestore documents = FirestoreEmulatorExtension.emulator().documentsClient()) {
      stored = documents.document("users/" + uid + "/automation/status").get().get().getData();
    }

    // then
    assertThat(stored.get("problems"))
        .asList()
        .containsExactly(
            Map.of(
                "code",
                "RULE_INVALID",
                "ruleId",
                "r1",
                "message",
                "bad",
                "since",
                Timestamp.ofTimeSecondsAndNanos(since.getEpochSecond(), 0)),
            Map.of(
                "code",
                "DOCUMENT_UNREADABLE",
                "studentId",
                "s1",
                "message",
                "fees[0].amount",
                "since",
                Timestamp.ofTimeSecondsAndNanos(since.getEpochSecond(), 0)));
  }
}
