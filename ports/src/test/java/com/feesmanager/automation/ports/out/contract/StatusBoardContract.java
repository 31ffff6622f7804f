package com.feesmanager.automation.ports.out.contract;

import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.AccountProblem;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.PairingQr;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.StatusBoard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every status board does (SPEC §1.5 {@code automation/status}): the last heartbeat wins. */
public abstract class StatusBoardContract {

  protected static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  /** An adapter; tests use unique uids, so it may share its store with other tests. */
  protected abstract StatusBoard newBoard();

  private StatusBoard board;
  private String uid;

  @BeforeEach
  void newBoardAndAccount() {
    board = newBoard();
    uid = Unique.name("academy");
  }

  @Test
  void publish_thenLast_returnsTheHeartbeat() {
    // given
    Heartbeat heartbeat = aHeartbeat().at(T0).build();

    // when
    board.publish(uid, heartbeat);

    // then
    assertThat(board.last(uid)).contains(heartbeat);
  }

  @Test
  void publish_overwritesThePreviousHeartbeat() {
    // given
    board.publish(uid, aHeartbeat().at(T0).build());
    Heartbeat newer =
        aHeartbeat()
            .at(T0.plusSeconds(60))
            .withGateway(SessionState.NEEDS_SCAN)
            .withQueue(new QueueCounts(0, 7, 0, 2))
            .withToday(0, 0, 0)
            .withNextRuns(List.of())
            .withProblems(
                List.of(
                    new AccountProblem(
                        "DOCUMENT_UNREADABLE",
                        Optional.empty(),
                        Optional.of("s7"),
                        "users/u/students/s7: fees[0].amount: must be at most 10^12",
                        T0),
                    new AccountProblem(
                        "ACCOUNT_FAILED", Optional.empty(), Optional.empty(), "boom", T0)))
            .build();

    // when
    board.publish(uid, newer);

    // then
    assertThat(board.last(uid)).contains(newer);
  }

  @Test
  void a_qr_code_to_scan_is_kept_and_a_later_heartbeat_without_one_removes_it() {
    // given a session waiting for a scan
    Heartbeat waiting =
        aHeartbeat()
            .at(T0)
            .withGateway(SessionState.NEEDS_SCAN)
            .withQr(new PairingQr("data:image/png;base64,iVBORw0KGgo=", T0.plusSeconds(60)))
            .build();

    // when / then
    board.publish(uid, waiting);
    assertThat(board.last(uid)).contains(waiting);
    Heartbeat connected = aHeartbeat().at(T0.plusSeconds(60)).build();
    board.publish(uid, connected);
    assertThat(board.last(uid)).contains(connected);
    assertThat(board.last(uid).orElseThrow().qr()).isEmpty();
  }

  @Test
  void accounts_areIndependent_andAnAccountWithoutHeartbeatHasNone() {
    // given
    String otherUid = Unique.name("academy");
    Heartbeat mine = aHeartbeat().at(T0).build();
    Heartbeat theirs = aHeartbeat().at(T0.plusSeconds(1)).fromInstance("daemon-2").build();

    // when
    board.publish(uid, mine);
    board.publish(otherUid, theirs);

    // then
    assertThat(board.last(uid)).contains(mine);
    assertThat(board.last(otherUid)).contains(theirs);
    assertThat(board.last(Unique.name("academy"))).isEmpty();
  }
}
