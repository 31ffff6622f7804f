package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.student;
import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.contract.AccountFileBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: reads an account of 10,000 students and writes 10,000 QUEUED logs against the
 * emulator and prints both rates (targets ≥ 5,000/s each). Run by scripts/bench-firestore.sh; its
 * name matches neither *Test nor *IT, so the build does not run it.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreBenchmark {

  private static final int STUDENTS = Integer.getInteger("bench.students", 10_000);
  private static final int LOGS = Integer.getInteger("bench.logs", 10_000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  @Test
  void readStudents_andWriteQueuedLogs() {
    FirestoreConfig config = FirestoreEmulatorExtension.emulator().config();
    try (FirestoreConnection seeder = open(config)) {
      for (int round = 1; round <= ROUNDS; round++) {
        String uid = "bench-" + round;
        AccountFileBuilder file = anAccountFile(uid);
        for (int i = 0; i < STUDENTS; i++) {
          file.withStudent(
              String.format("stu-%05d", i),
              student(
                  "Student " + i,
                  "Class " + (i % 10),
                  "0300-" + String.format("%07d", i),
                  List.of(
                      fee("2026-10", 4000, 4000, "2026-10-10"),
                      fee("2026-11", 4000, 1500, "2026-11-10"))));
        }
        seeder.importer().importAccount(file.build());

        // a fresh connection: nothing cached, a cold channel
        try (FirestoreConnection connection = open(config)) {
          AtomicInteger read = new AtomicInteger();
          long start = System.nanoTime();
          connection.studentDirectory().forEachStudent(uid, student -> read.incrementAndGet());
          Duration reading = Duration.ofNanos(System.nanoTime() - start);
          assertThat(read).hasValue(STUDENTS);

          Instant at = Instant.parse("2026-11-10T05:00:00Z");
          start = System.nanoTime();
          for (int i = 0; i < LOGS; i++) {
            connection.deliveryLog().record(aMessageLog().forAccount(uid).queuedAt(at).build());
          }
          Duration handing = Duration.ofNanos(System.nanoTime() - start);
          assertThat(connection.flush(Duration.ofMinutes(2))).isTrue();
          Duration writing = Duration.ofNanos(System.nanoTime() - start);

          System.out.printf(
              "round %d: read %,d students in %,d ms = %,.0f students/s; wrote %,d QUEUED logs in"
                  + " %,d ms = %,.0f logs/s (record() returned after %,d ms)%n",
              round,
              STUDENTS,
              reading.toMillis(),
              STUDENTS / seconds(reading),
              LOGS,
              writing.toMillis(),
              LOGS / seconds(writing),
              handing.toMillis());
        }
      }
    }
  }

  /**
   * The cost of a durable log: each SENT log written through (read + conditional commit) on the
   * caller's thread, one after another as a worker does, its QUEUED log waiting in the buffer.
   */
  @Test
  void writeThroughSentLogs() {
    int count = Integer.getInteger("bench.sent", 300);
    try (FirestoreConnection connection = open(FirestoreEmulatorExtension.emulator().config())) {
      String uid = "bench-sent";
      Instant at = Instant.parse("2026-11-10T05:00:00Z");
      long[] micros = new long[count];
      for (int i = 0; i < count; i++) {
        MessageLog queued = aMessageLog().forAccount(uid).queuedAt(at).build();
        connection.deliveryLog().record(queued);
        MessageLog sent =
            queued.movedTo(MessageStatus.SENT, at.plusSeconds(i), java.util.Optional.empty());
        long start = System.nanoTime();
        assertThat(connection.deliveryLog().record(sent)).isTrue();
        micros[i] = (System.nanoTime() - start) / 1_000;
      }
      java.util.Arrays.sort(micros);
      System.out.printf(
          "wrote %,d SENT logs through: median %.1f ms, p95 %.1f ms, max %.1f ms per record()%n",
          count,
          micros[count / 2] / 1000.0,
          micros[(int) (count * 0.95)] / 1000.0,
          micros[count - 1] / 1000.0);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static FirestoreConnection open(FirestoreConfig config) {
    return FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
  }
}
