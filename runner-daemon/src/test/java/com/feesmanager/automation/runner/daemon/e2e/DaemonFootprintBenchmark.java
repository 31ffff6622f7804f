package com.feesmanager.automation.runner.daemon.e2e;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: resident memory of the daemon jar (issue 6) serving {@code accounts × students}
 * (default 10 × 5,000, each account with its own session), started with exactly the {@code
 * JAVA_OPTS} of docker/Dockerfile and a CDS archive recorded the way the image records it. Every
 * account's rule fires at one coming minute over all its students ({@code overduePercent}, default
 * 25 %, owe fees and are queued) and the messages are delivered to the wppconnect-server double.
 * VmRSS and VmHWM are sampled every second: idle after start, peak during firing and delivery,
 * steady after. Target ≤ 130 MiB and no OutOfMemoryError. Run by scripts/bench-footprint.sh; its
 * name matches neither *Test nor *IT, so the build does not run it.
 *
 * <p>Knobs: {@code -Dbench.extraFlags="-Xmx64m …"} is appended like {@code JAVA_EXTRA_OPTS}; {@code
 * -Dbench.env=MALLOC_ARENA_MAX=2,…} adds variables; {@code -Dbench.nmt=true} adds
 * NativeMemoryTracking and prints {@code jcmd VM.native_memory summary} after firing and at the
 * end.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class DaemonFootprintBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10);
  private static final int STUDENTS = Integer.getInteger("bench.students", 5_000);
  private static final int OVERDUE_PERCENT = Integer.getInteger("bench.overduePercent", 25);
  private static final String MIN_SEND_INTERVAL =
      System.getProperty("bench.minSendInterval", "PT0S");
  private static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.idleSeconds", 30));
  private static final Duration AFTER = Duration.ofSeconds(Long.getLong("bench.afterSeconds", 30));
  private static final String EXTRA_FLAGS = System.getProperty("bench.extraFlags", "").trim();
  private static final String EXTRA_ENV = System.getProperty("bench.env", "").trim();
  private static final boolean NMT = Boolean.getBoolean("bench.nmt");
  private static final String NODE_PEER = System.getProperty("bench.nodePeer", "").trim();

  /** Delivery is over when no message arrived for this long. */
  private static final Duration STALL = Duration.ofSeconds(45);

  private static final Path DOCKERFILE = Path.of("..", "docker", "Dockerfile");
  private static final double MIB = 1024.0;

  @TempDir Path workDir;

  /** One reading of /proc/<pid>/status, in KiB. */
  private record Sample(Instant at, long rssKib, long hwmKib) {}

  @Test
  void residentMemoryServingTenAccountsOfFiveThousandStudents() throws Exception {
    try (E2eStack stack = E2eStack.start(workDir)) {
      Path archive = workDir.resolve("fees-automation.jsa");
      List<String> flags = imageFlags(archive);
      recordArchive(archive);

      // given the accounts, imported without rules so nothing fires before the daemon is idle
      List<E2eAccount> accounts = new ArrayList<>();
      long importStart = System.nanoTime();
      for (int a = 1; a <= ACCOUNTS; a++) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        E2eAccount account =
            new E2eAccount(
                "footprint-" + a + "-" + id,
                "session-" + a + "-" + id,
                List.of(),
                Instant.now(),
                STUDENTS,
                OVERDUE_PERCENT,
                STUDENTS);
        stack.importAccount(account);
        accounts.add(account);
      }
      System.out.printf(
          "imported %d accounts × %,d students in %,d s, load %s%n",
          ACCOUNTS,
          STUDENTS,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - importStart),
          Load.now());

      Map<String, String> env = stack.env(E2eStack.freePort());
      env.put("MIN_SEND_INTERVAL", MIN_SEND_INTERVAL);
      env.putAll(extraEnv());
      // the Node peer holds the same students: once before our daemon, once after (issue 16)
      List<Long> peerKib = new ArrayList<>();
      if (!NODE_PEER.isEmpty()) {
        NodePeer.residentKib(Path.of(NODE_PEER), env).ifPresent(peerKib::add);
      }
      JarProcess daemon = stack.startDaemon(env, flags);
      List<Sample> samples = new CopyOnWriteArrayList<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () -> read(daemon.pid()).ifPresent(samples::add), 0, 1, TimeUnit.SECONDS);
      try {
        // idle: started, every account read once by the minute checks, nothing due
        Thread.sleep(IDLE.toMillis());
        Sample idle = last(samples);
        if (NMT) {
          nativeMemory(daemon, "idle");
        }

        // when every account's rule fires at one minute
        Instant due =
            Instant.now()
                .plusSeconds(15)
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(1, ChronoUnit.MINUTES);
        for (E2eAccount account : accounts) {
          E2eAccount withRule =
              account
                  .withTimes(List.of(LocalTime.ofInstant(due, ZoneOffset.UTC)))
                  .withCreatedAt(Instant.now().minusSeconds(5));
          stack.importAccount(withRule.rulesFile(), withRule);
        }
        int expected = ACCOUNTS * accounts.get(0).overdueStudents();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));

        // then it fires and delivers until everything arrived or nothing moves any more
        Instant lastProgress = Instant.now();
        int lastCount = 0;
        Instant firedAll = null;
        while (daemon.isAlive()) {
          int count = stack.sends().size();
          if (count != lastCount) {
            lastCount = count;
            lastProgress = Instant.now();
          }
          if (firedAll == null && runs(stack, accounts) == ACCOUNTS) {
            firedAll = Instant.now();
            System.out.printf(
                "all %d occurrences fired %,d ms after the minute; %,d sends so far, RSS %.0f MiB,"
                    + " load %s%n",
                ACCOUNTS,
                Duration.between(due, firedAll).toMillis(),
                count,
                last(samples).rssKib() / MIB,
                Load.now());
            if (NMT) {
              nativeMemory(daemon, "after firing");
            }
          }
          if (count >= expected
              || Duration.between(lastProgress, Instant.now()).compareTo(STALL) > 0) {
            break;
          }
          Thread.sleep(1_000);
        }
        Instant delivered = Instant.now();
        Sample peak = last(samples);
        long maxRss = samples.stream().mapToLong(Sample::rssKib).max().orElse(-1);

        // and settles
        Thread.sleep(AFTER.toMillis());
        Sample after = last(samples);
        if (NMT && daemon.isAlive()) {
          nativeMemory(daemon, "after");
        }
        sampler.shutdownNow();
        if (!NODE_PEER.isEmpty()) {
          NodePeer.residentKib(Path.of(NODE_PEER), env).ifPresent(peerKib::add);
        }

        List<RecordedSend> sends = stack.sends();
        sends.stream()
            .map(RecordedSend::receivedAt)
            .min(Instant::compareTo)
            .ifPresent(
                first ->
                    System.out.printf(
                        "first message %,d ms after the minute (%d accounts × %,d students)%n",
                        Duration.between(due, first).toMillis(), ACCOUNTS, STUDENTS));
        Map<String, Long> perSession =
            sends.stream()
                .collect(
                    Collectors.groupingBy(
                        RecordedSend::session, TreeMap::new, Collectors.counting()));
        System.out.printf(
            "delivered %,d of %,d messages in %,d s after the minute (%d of %d sessions got any:"
                + " %s)%n",
            sends.size(),
            expected,
            Duration.between(due, delivered).toSeconds(),
            perSession.size(),
            ACCOUNTS,
            perSession.values());
        String died =
            daemon.isAlive()
                ? "alive"
                : "DIED with exit code " + daemon.exitCode() + ": " + tail(daemon.err());
        System.out.printf(
            "footprint: idle %.0f MiB, peak (VmHWM) %.0f MiB (max sampled RSS %.0f), after %.0f"
                + " MiB, daemon %s, %d accounts × %,d students, %d %% overdue, MIN_SEND_INTERVAL"
                + " %s, flags: %s%s, load %s%n",
            idle.rssKib() / MIB,
            peak.hwmKib() / MIB,
            maxRss / MIB,
            after.rssKib() / MIB,
            died,
            ACCOUNTS,
            STUDENTS,
            OVERDUE_PERCENT,
            MIN_SEND_INTERVAL,
            String.join(" ", flags),
            EXTRA_ENV.isEmpty() ? "" : ", env: " + EXTRA_ENV,
            Load.now());
        if (!peerKib.isEmpty()) {
          double peer = peerKib.stream().mapToLong(Long::longValue).average().orElse(-1);
          System.out.printf(
              "footprint peer: idle %.0f MiB (rounds %s MiB), ours idle %.0f MiB, ratio %.2f%n",
              peer / MIB,
              peerKib.stream().map(k -> String.format("%.0f", k / MIB)).toList(),
              idle.rssKib() / MIB,
              idle.rssKib() / peer);
        }
        if (!daemon.isAlive()) {
          throw new AssertionError("the daemon died" + stack.transcript());
        }
      } finally {
        sampler.shutdownNow();
      }
    }
  }

  /**
   * The image's {@code JAVA_OPTS}, read from docker/Dockerfile, with its archive path replaced by
   * {@code archive}; then the extra flags, as the entry point appends {@code JAVA_EXTRA_OPTS}.
   */
  static List<String> imageFlags(Path archive) throws IOException {
    Matcher opts =
        Pattern.compile("ENV JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));
    if (!opts.find()) {
      throw new IllegalStateException("no ENV JAVA_OPTS=\"…\" in " + DOCKERFILE);
    }
    List<String> flags = new ArrayList<>();
    for (String flag : opts.group(1).trim().split("\\s+")) {
      flags.add(
          flag.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : flag);
    }
    if (!EXTRA_FLAGS.isEmpty()) {
      flags.addAll(Arrays.asList(EXTRA_FLAGS.split("\\s+")));
    }
    if (NMT) {
      flags.add("-XX:NativeMemoryTracking=summary");
    }
    return flags;
  }

  /** The image's training run: the embedded demo, recording a dynamic AppCDS archive at exit. */
  private void recordArchive(Path archive) throws Exception {
    Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    JarProcess training =
        JarProcess.run(
            workDir,
            Duration.ofMinutes(3),
            env,
            List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"),
            "demo",
            "--min-gap=PT0S",
            "--outbox=" + workDir.resolve("cds-outbox.txt"));
    if (training.exitCode() != 0 || !Files.isRegularFile(archive)) {
      throw new AssertionError("the CDS training run failed: " + training.err());
    }
  }

  private Map<String, String> extraEnv() {
    if (EXTRA_ENV.isEmpty()) {
      return Map.of();
    }
    return Arrays.stream(EXTRA_ENV.split(","))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }

  private static int runs(E2eStack stack, List<E2eAccount> accounts) {
    int fired = 0;
    for (E2eAccount account : accounts) {
      fired += stack.query(account.uid(), "automationRuns").isEmpty() ? 0 : 1;
    }
    return fired;
  }

  private static java.util.Optional<Sample> read(long pid) {
    try {
      long rss = -1;
      long hwm = -1;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        }
      }
      return java.util.Optional.of(new Sample(Instant.now(), rss, hwm));
    } catch (IOException e) {
      return java.util.Optional.empty(); // the process is gone
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("\\D", ""));
  }

  private static Sample last(List<Sample> samples) {
    return samples.isEmpty() ? new Sample(Instant.now(), -1, -1) : samples.get(samples.size() - 1);
  }

  /** NMT's summary, the heap and the metaspace of the daemon, via jcmd, lines prefixed "nmt". */
  private static void nativeMemory(JarProcess daemon, String when) throws Exception {
    System.out.println("nmt " + when + ":");
    jcmd(daemon, "VM.native_memory", "summary")
        .filter(line -> line.matches("(Total|-\\s+\\S.*\\(reserved=).*"))
        .forEach(line -> System.out.println("nmt   " + line.trim()));
    jcmd(daemon, "GC.heap_info")
        .filter(line -> !line.isBlank() && !line.matches("\\d+:"))
        .forEach(line -> System.out.println("nmt   " + line.trim()));
    jcmd(daemon, "VM.metaspace")
        .filter(line -> line.matches("\\s*(Total Usage|Both:|Virtual space:|Waste).*"))
        .limit(4)
        .forEach(line -> System.out.println("nmt   metaspace " + line.trim()));
  }

  private static java.util.stream.Stream<String> jcmd(JarProcess daemon, String... command)
      throws Exception {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(daemon.pid()));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor(30, TimeUnit.SECONDS);
    return output.lines();
  }

  private static String tail(String text) {
    return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
  }
}
