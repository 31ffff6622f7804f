package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.DeadLetter;
import com.feesmanager.automation.ports.out.QueueCounts;
import com.feesmanager.automation.ports.out.QueueMonitor;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.runner.daemon.cli.AccountDataOptions;
import com.feesmanager.automation.runner.daemon.metrics.DaemonMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerUpkeepTest {

  private static final Path SAMPLE = Path.of("..", AccountDataOptions.SAMPLE);

  private final FileAccountData accounts =
      FileAccountData.load(List.of(SAMPLE), AccountDefaults.SPEC);
  private final List<String> started = new ArrayList<>();
  private final List<Set<String>> kept = new ArrayList<>();
  private int newSessionChecks;

  @Test
  void starts_a_worker_for_every_account_session_and_every_queued_one() {
    upkeep(queued("left-over"), true).accept(Optional.empty());

    assertThat(started).containsExactly("demo", "left-over");
    assertThat(kept).containsExactly(Set.of("demo"));
    assertThat(newSessionChecks).isZero();
  }

  @Test
  void the_minute_scan_handed_in_serves_without_a_query_of_its_own() {
    AccountSettings sample = accounts.enabledAccounts().accounts().get(0);
    Automation automation = sample.automation();
    AccountSettings inMinuteScan =
        new AccountSettings(
            "minute-uid",
            sample.academyName(),
            sample.timezone(),
            sample.currency(),
            new Automation(
                true,
                "minute",
                automation.maxPerHour(),
                automation.maxPerDay(),
                automation.quietHours(),
                automation.holidays()));
    AccountScan minuteScan = new AccountScan(List.of(inMinuteScan), List.of());
    WorkerUpkeep upkeep =
        new WorkerUpkeep(
            new NoDirectory(),
            queued(),
            started::add,
            new DaemonMetrics(),
            sessions -> kept.add(sessions),
            () -> newSessionChecks++);

    upkeep.accept(Optional.of(minuteScan));

    assertThat(started).containsExactly("minute");
    assertThat(kept).containsExactly(Set.of("minute"));
  }

  @Test
  void a_session_the_gateway_has_not_checked_yet_is_checked_at_once() {
    upkeep(queued(), false).accept(Optional.empty());

    assertThat(newSessionChecks).isOne();
  }

  @Test
  void a_queue_that_cannot_be_listed_still_leaves_the_account_sessions_served() {
    QueueMonitor down =
        new Queued(Set.of()) {
          @Override
          public Set<String> sessions() {
            throw new IllegalStateException("Redis down");
          }
        };

    upkeep(down, true).accept(Optional.empty());

    assertThat(started).containsExactly("demo");
  }

  @Test
  void accounts_that_cannot_be_read_still_leave_the_queued_sessions_served() {
    // given a restarted daemon whose first account read times out, with messages in Redis
    AccountDirectory timingOut =
        new NoDirectory() {
          @Override
          public AccountScan enabledAccounts() {
            throw new StoreUnavailable("Firestore timed out; no earlier copy");
          }
        };
    WorkerUpkeep upkeep =
        new WorkerUpkeep(
            timingOut,
            queued("left-over"),
            started::add,
            new DaemonMetrics(),
            sessions -> kept.add(sessions),
            () -> newSessionChecks++);

    // when
    Throwable failed = catchThrowable(() -> upkeep.accept(Optional.empty()));

    // then the outage is still reported, and the queued session has its worker (each message's
    // account is read before it is sent; a message whose account cannot be read is held)
    assertThat(failed).isInstanceOf(StoreUnavailable.class);
    assertThat(started).containsExactly("left-over");
    assertThat(kept).isEmpty();
  }

  private WorkerUpkeep upkeep(QueueMonitor queues, boolean gatewayKnowsAll) {
    return new WorkerUpkeep(
        accounts,
        queues,
        started::add,
        new DaemonMetrics(),
        sessions -> {
          kept.add(sessions);
          return gatewayKnowsAll;
        },
        () -> newSessionChecks++);
  }

  private static QueueMonitor queued(String... sessions) {
    return new Queued(Set.of(sessions));
  }

  /** A directory that must not be asked: the upkeep was handed the minute's scan. */
  private static class NoDirectory implements AccountDirectory {
    @Override
    public AccountScan enabledAccounts() {
      throw new AssertionError("the minute scan was handed in; no query expected");
    }

    @Override
    public Optional<AccountSettings> account(String uid) {
      throw new AssertionError("not used by the upkeep");
    }
  }

  /** Only the sessions matter to the upkeep. */
  private static class Queued implements QueueMonitor {
    private final Set<String> sessions;

    Queued(Set<String> sessions) {
      this.sessions = sessions;
    }

    @Override
    public Set<String> sessions() {
      return sessions;
    }

    @Override
    public QueueCounts counts(String session, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, QueueCounts> countsByAccount(String session, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Instant> nextDue(String session, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int requeueDead(Set<MessageKey> keys, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int dropDead(Set<MessageKey> keys, Instant now) {
      throw new UnsupportedOperationException();
    }
  }
}
