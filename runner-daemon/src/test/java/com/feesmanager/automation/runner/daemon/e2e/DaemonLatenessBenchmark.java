package com.feesmanager.automation.runner.daemon.e2e;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: lateness of the daemon jar (issue 6) — from an occurrence's scheduled minute to the
 * arrival of its first message at the wppconnect-server double — over {@code accounts × minutes}
 * occurrences (default 8 × 3 = 24): each account has its own WhatsApp session and one DAILY rule
 * per minute. The daemon runs with the default settings, including {@code MIN_SEND_INTERVAL} PT3S
 * and the check at the start of each minute. Run by scripts/bench-lateness.sh; its name matches
 * neither *Test nor *IT, so the build does not run it.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class DaemonLatenessBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 8);
  private static final int MINUTES = Integer.getInteger("bench.minutes", 3);
  private static final int STUDENTS = Integer.getInteger("bench.students", 3);

  /** Time to start the daemon and import the accounts before the first minute. */
  private static final Duration SET_UP_ALLOWANCE = Duration.ofSeconds(25);

  @TempDir Path workDir;

  /** One occurrence: an account's rule at a minute, and when its first message arrived. */
  private record Occurrence(String session, Instant due, Optional<Instant> firstArrival) {
    Optional<Duration> lateness() {
      return firstArrival.map(arrival -> Duration.between(due, arrival));
    }
  }

  @Test
  void latenessOfTheFirstMessageOfEachOccurrence() throws Exception {
    try (E2eStack stack = E2eStack.start(workDir)) {
      Map<String, String> env = stack.env(E2eStack.freePort());
      env.remove("MIN_SEND_INTERVAL"); // the spec default, PT3S
      // debug shows each minute's phases (scan, firing, wake, claim, send) for a timeline
      env.put("LOG_LEVEL", System.getProperty("bench.logLevel", "info"));
      JarProcess daemon = stack.startDaemon(env);

      Instant first =
          Instant.now()
              .plus(SET_UP_ALLOWANCE)
              .truncatedTo(ChronoUnit.MINUTES)
              .plus(1, ChronoUnit.MINUTES);
      List<Instant> dues = new ArrayList<>();
      for (int m = 0; m < MINUTES; m++) {
        dues.add(first.plus(m, ChronoUnit.MINUTES));
      }
      List<LocalTime> times =
          dues.stream().map(due -> LocalTime.ofInstant(due, ZoneOffset.UTC)).toList();
      List<E2eAccount> accounts = new ArrayList<>();
      for (int a = 1; a <= ACCOUNTS; a++) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        E2eAccount account =
            new E2eAccount(
                "lateness-" + a + "-" + id,
                "session-" + a + "-" + id,
                times,
                Instant.now().minusSeconds(5),
                STUDENTS,
                100,
                500);
        stack.importAccount(account);
        accounts.add(account);
      }
      if (!Instant.now().isBefore(first)) {
        throw new AssertionError("set-up took past the first minute " + first);
      }

      Instant last = dues.get(dues.size() - 1);
      int expected = ACCOUNTS * MINUTES * STUDENTS;
      E2eStack.await(
          expected + " sends",
          Duration.between(Instant.now(), last).plusSeconds(60 + 4L * STUDENTS),
          () -> stack.sends().size() >= expected || !daemon.isAlive());

      List<RecordedSend> sends = stack.sends();
      List<Occurrence> occurrences = new ArrayList<>();
      for (E2eAccount account : accounts) {
        for (int m = 0; m < MINUTES; m++) {
          String tag = E2eAccount.tag(times.get(m));
          Optional<Instant> arrival =
              sends.stream()
                  .filter(s -> s.session().equals(account.session()))
                  .filter(s -> s.message().contains(tag))
                  .map(RecordedSend::receivedAt)
                  .min(Instant::compareTo);
          occurrences.add(new Occurrence(account.session(), dues.get(m), arrival));
        }
      }
      report(occurrences, sends.size(), expected);
      // the daemon's log, for the phase timeline (scripts/lateness-timeline.sh reads it)
      stack.keepOutputs(Path.of("target", "bench-lateness-daemon"));
      if (!daemon.isAlive()) {
        throw new AssertionError("the daemon died" + stack.transcript());
      }
    }
  }

  private static void report(List<Occurrence> occurrences, int sends, int expected) {
    occurrences.sort(
        (a, b) ->
            a.due().equals(b.due())
                ? a.firstArrival()
                    .orElse(Instant.MAX)
                    .compareTo(b.firstArrival().orElse(Instant.MAX))
                : a.due().compareTo(b.due()));
    List<Long> millis = new ArrayList<>();
    for (Occurrence o : occurrences) {
      Optional<Duration> lateness = o.lateness();
      System.out.printf(
          "occurrence %s %s: %s%n",
          o.due(), o.session(), lateness.map(d -> d.toMillis() + " ms").orElse("NO MESSAGE"));
      lateness.ifPresent(d -> millis.add(d.toMillis()));
    }
    millis.sort(Long::compare);
    int missing = occurrences.size() - millis.size();
    System.out.printf(
        "lateness: n=%d, median=%d ms, p90=%d, worst=%d ms (target median ≤ 1000 ms, worst ≤ 2000"
            + " ms), sends %d of %d, occurrences without a message %d, load %s%n",
        millis.size(),
        percentile(millis, 50),
        percentile(millis, 90),
        millis.isEmpty() ? -1 : millis.get(millis.size() - 1),
        sends,
        expected,
        missing,
        Load.now());
  }

  /** Nearest-rank percentile of sorted values; -1 when there are none. */
  static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
