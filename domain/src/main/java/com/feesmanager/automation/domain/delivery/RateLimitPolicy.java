package com.feesmanager.automation.domain.delivery;

import com.feesmanager.automation.domain.account.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * SPEC §5 as pure functions of the send history and the instant: the sliding 60-minute cap, the cap
 * per local calendar day, the minimum gap, and quiet hours.
 *
 * <p>Windows: the hour window at {@code now} is {@code (now − 60 min, now]}, so a send exactly 60
 * minutes ago no longer counts; the day window is {@code [start of the local day of now, start of
 * the next local day)} in {@link RateLimits#zone()}.
 */
public final class RateLimitPolicy {

  public static final String MIN_GAP = "MIN_GAP";
  public static final String HOUR_CAP = "HOUR_CAP";
  public static final String DAY_CAP = "DAY_CAP";
  public static final String QUIET_HOURS = "QUIET_HOURS";

  /** Length of the sliding window of {@link RateLimits#maxPerHour()}. */
  public static final Duration HOUR_WINDOW = Duration.ofMinutes(60);

  /**
   * How far back {@link #afterSend} keeps sends: a local day lasts at most 25 hours (a fall-back
   * night), so every send of the current local day and of the hour window stays.
   */
  public static final Duration RETENTION = Duration.ofHours(25);

  /** The largest extra fraction {@link #jitteredGap} adds to the minimum gap (SPEC §4: +0–50%). */
  public static final double GAP_JITTER = 0.5;

  private RateLimitPolicy() {}

  /**
   * May a message go at {@code now} given the session's history? When several limits hold it back
   * the answer is the latest of their instants, so one wake-up suffices; on a tie the longer-lived
   * limit (day, then hour, then gap) names the reason.
   */
  public static RateDecision decide(SendHistory history, RateLimits limits, Instant now) {
    Objects.requireNonNull(history, "'history' must not be null");
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    List<RateDecision.WaitUntil> waits = new ArrayList<>(3);
    dayCap(history, limits, now).ifPresent(waits::add);
    hourCap(history, limits, now).ifPresent(waits::add);
    history
        .notBefore()
        .filter(now::isBefore)
        .ifPresent(notBefore -> waits.add(new RateDecision.WaitUntil(notBefore, MIN_GAP)));
    RateDecision.WaitUntil latest = null;
    for (RateDecision.WaitUntil wait : waits) {
      if (latest == null || wait.until().isAfter(latest.until())) {
        latest = wait;
      }
    }
    return latest == null ? new RateDecision.SendNow() : latest;
  }

  private static Optional<RateDecision.WaitUntil> hourCap(
      SendHistory history, RateLimits limits, Instant now) {
    Instant windowStart = now.minus(HOUR_WINDOW);
    List<Instant> inWindow =
        history.sends().stream()
            .filter(send -> send.isAfter(windowStart) && !send.isAfter(now))
            .sorted()
            .toList();
    int excess = inWindow.size() - limits.maxPerHour();
    if (excess < 0) {
      return Optional.empty();
    }
    // Once this send leaves the window, it holds maxPerHour − 1 of today's sends: room for one.
    Instant leaving = inWindow.get(excess);
    return Optional.of(new RateDecision.WaitUntil(leaving.plus(HOUR_WINDOW), HOUR_CAP));
  }

  private static Optional<RateDecision.WaitUntil> dayCap(
      SendHistory history, RateLimits limits, Instant now) {
    LocalDate today = now.atZone(limits.zone()).toLocalDate();
    Instant dayStart = today.atStartOfDay(limits.zone()).toInstant();
    Instant nextDayStart = today.plusDays(1).atStartOfDay(limits.zone()).toInstant();
    long sendsToday =
        history.sends().stream()
            .filter(send -> !send.isBefore(dayStart) && send.isBefore(nextDayStart))
            .count();
    if (sendsToday < limits.maxPerDay()) {
      return Optional.empty();
    }
    return Optional.of(new RateDecision.WaitUntil(nextDayStart, DAY_CAP));
  }

  /**
   * The history after a send at {@code now}, the next send not before {@code now + gap}. Sends
   * older than {@link #RETENTION} are dropped: no cap looks at them again.
   */
  public static SendHistory afterSend(SendHistory history, Instant now, Duration gap) {
    Objects.requireNonNull(history, "'history' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    Objects.requireNonNull(gap, "'gap' must not be null");
    if (gap.isNegative()) {
      throw new IllegalArgumentException("'gap' must not be negative: " + gap);
    }
    Instant keepFrom = now.minus(RETENTION);
    List<Instant> sends = new ArrayList<>(history.sends().size() + 1);
    for (Instant send : history.sends()) {
      if (!send.isBefore(keepFrom)) {
        sends.add(send);
      }
    }
    sends.add(now);
    sends.sort(Comparator.naturalOrder());
    return new SendHistory(sends, Optional.of(now.plus(gap)));
  }

  /** The minimum gap plus 0–50% random jitter (SPEC §4): {@code minGap × (1 + U[0, 0.5))}. */
  public static Duration jitteredGap(Duration minGap, RandomGenerator random) {
    Objects.requireNonNull(minGap, "'minGap' must not be null");
    Objects.requireNonNull(random, "'random' must not be null");
    if (minGap.isNegative()) {
      throw new IllegalArgumentException("'minGap' must not be negative: " + minGap);
    }
    // Scaling only the extra keeps it below half the gap; 1 + 0.5u can round up to 1.5 exactly.
    Duration extra = Durations.scaled(minGap, GAP_JITTER * random.nextDouble());
    return minGap.plus(extra);
  }

  /**
   * Inside quiet hours (local, start inclusive, end exclusive), wait until they end; otherwise send
   * now. A window end that falls in a DST gap ends the window when the gap ends; an end that occurs
   * twice (DST overlap) means its first occurrence after {@code now}.
   */
  public static RateDecision quietHours(Optional<QuietHours> quietHours, ZoneId zone, Instant now) {
    Objects.requireNonNull(quietHours, "'quietHours' must not be null");
    Objects.requireNonNull(zone, "'zone' must not be null");
    Objects.requireNonNull(now, "'now' must not be null");
    if (quietHours.isEmpty()) {
      return new RateDecision.SendNow();
    }
    QuietHours window = quietHours.get();
    ZonedDateTime local = now.atZone(zone);
    if (!window.contains(local.toLocalTime())) {
      return new RateDecision.SendNow();
    }
    // In a window wrapping midnight, the evening part ends on the next day.
    LocalDate endDate =
        window.wrapsMidnight() && !local.toLocalTime().isBefore(window.start())
            ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
    Instant end = firstInstantAfter(LocalDateTime.of(endDate, window.end()), zone, now);
    return new RateDecision.WaitUntil(end, QUIET_HOURS);
  }

  private static Instant firstInstantAfter(LocalDateTime local, ZoneId zone, Instant now) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      // The local end does not exist tonight: the clocks jump past it when the gap ends.
      return rules.getTransition(local).getInstant();
    }
    Instant earliest = null;
    for (ZoneOffset offset : offsets) {
      Instant candidate = local.toInstant(offset);
      if (candidate.isAfter(now) && (earliest == null || candidate.isBefore(earliest))) {
        earliest = candidate;
      }
    }
    // Unreachable while now is inside the window; the earlier offset keeps java.time's default.
    return earliest != null ? earliest : local.atZone(zone).toInstant();
  }
}
