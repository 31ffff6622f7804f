package com.feesmanager.automation.runner.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session-lease owners that say which process holds the lease, so that a daemon restarted after
 * {@code kill -9} can see that the holder has ended and take the lease at once instead of waiting
 * for it to lapse (issue 13). An owner is the daemon's instance name followed by {@code (process
 * BOOT/pidns-INODE/PID/START)}: the kernel's boot id, the pid namespace, the pid and the process's
 * start time in clock ticks since boot, all read from {@code /proc}.
 *
 * <p>A holder has ended only when it is a process of this boot and this pid namespace (so its pid
 * means the same here: host names are not trusted, two hosts or containers may share one) whose pid
 * is gone, a zombie, or now another process's (started at another tick). Every other holder —
 * another host or container, a tick, an older daemon, no {@code /proc} — is presumed alive, and its
 * lease lapses as before. A live daemon is never judged ended: its pid and start tick are its own
 * while it runs.
 */
final class ProcessOwners {

  private static final Pattern OWNER =
      Pattern.compile(" \\(process ([^/()]+)/([^/()]+)/(\\d+)/(\\d+)\\)$");

  private static final Pattern NAMESPACE = Pattern.compile("pid:\\[(\\d{1,18})\\]");

  private final Path proc;
  private final Optional<Place> here;

  /** Reads {@code proc} ({@code /proc} but in tests); an unreadable one leaves owners plain. */
  ProcessOwners(Path proc) {
    this.proc = Objects.requireNonNull(proc, "'proc' must not be null");
    this.here = place(proc);
  }

  static ProcessOwners local() {
    return new ProcessOwners(Path.of("/proc"));
  }

  /** The lease owner of process {@code pid} (this one, in production) named {@code instance}. */
  String owner(String instance, long pid) {
    Objects.requireNonNull(instance, "'instance' must not be null");
    Optional<Stat> stat = here.isPresent() ? stat(pid) : Optional.empty();
    if (stat.isEmpty()) {
      return instance;
    }
    Place place = here.get();
    return instance
        + " (process "
        + place.boot()
        + "/"
        + place.namespace()
        + "/"
        + pid
        + "/"
        + stat.get().startTicks()
        + ")";
  }

  String owner(String instance) {
    return owner(instance, ProcessHandle.current().pid());
  }

  /** Whether {@code owner} names a process of this host and namespace that has ended. */
  boolean ended(String owner) {
    Matcher m = OWNER.matcher(owner);
    if (here.isEmpty()
        || !m.find()
        || !m.group(1).equals(here.get().boot())
        || !m.group(2).equals(here.get().namespace())) {
      return false;
    }
    long pid = Long.parseLong(m.group(3));
    long startTicks = Long.parseLong(m.group(4));
    try {
      Optional<Stat> now = stat(proc.resolve(Long.toString(pid)).resolve("stat"));
      // a zombie has ended (only its exit status is left); a pid with another start is reused
      return now.isPresent() && (now.get().zombie() || now.get().startTicks() != startTicks);
    } catch (NoSuchFileException gone) {
      return true;
    } catch (IOException unreadable) {
      return false;
    }
  }

  private Optional<Stat> stat(long pid) {
    try {
      return stat(proc.resolve(Long.toString(pid)).resolve("stat"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** State and start time from {@code /proc/PID/stat}; the name in parentheses may hold spaces. */
  private static Optional<Stat> stat(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    int end = text.lastIndexOf(')');
    if (end < 0) {
      return Optional.empty();
    }
    // after the name: state is field 3, starttime field 22 (proc(5))
    String[] fields = text.substring(end + 1).trim().split("\\s+");
    if (fields.length < 20) {
      return Optional.empty();
    }
    try {
      char state = fields[0].charAt(0);
      return Optional.of(new Stat(state == 'Z' || state == 'X', Long.parseLong(fields[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Place> place(Path proc) {
    try {
      String boot =
          Files.readString(proc.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
              .trim();
      Matcher link =
          NAMESPACE.matcher(Files.readSymbolicLink(proc.resolve("self/ns/pid")).toString());
      if (boot.isEmpty() || !safe(boot) || !link.matches()) {
        return Optional.empty();
      }
      // in hex: the log's phone masking would star a run of ten decimal digits
      return Optional.of(
          new Place(boot, "pidns-" + Long.toHexString(Long.parseLong(link.group(1)))));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static boolean safe(String part) {
    return !part.isEmpty() && part.chars().noneMatch(c -> c == '/' || c == '(' || c == ')');
  }

  /** Where pids mean the same thing: one boot of one kernel, one pid namespace. */
  private record Place(String boot, String namespace) {}

  private record Stat(boolean zombie, long startTicks) {}
}
