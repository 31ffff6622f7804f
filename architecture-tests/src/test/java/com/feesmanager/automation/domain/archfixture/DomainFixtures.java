package com.feesmanager.automation.domain.archfixture;

import com.acme.sdk.archfixture.ThirdPartyType;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import com.google.gson.archfixture.GsonStandIn;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.inject.archfixture.JavaxInjectStandIn;

/** Classes in the domain's package that obey or break the rules, for the rules' own tests. */
public final class DomainFixtures {

  private DomainFixtures() {}

  /** Obeys every rule: a value of JDK types. */
  public record PureValue(Instant at, LocalDate day) {}

  /** Takes time as an input: the clock-taking {@code now} overloads are fine. */
  public static final class TakesTimeAsInput {
    public Instant instant(Clock clock) {
      return Instant.now(clock);
    }

    public LocalDate today(Clock clock) {
      return LocalDate.now(clock);
    }

    public ZonedDateTime zoned(Clock clock) {
      return ZonedDateTime.now(clock);
    }
  }

  /** Takes randomness as an input: a passed-in generator, or a seeded one. */
  public static final class TakesRandomnessAsInput {
    public double jitter(RandomGenerator random) {
      return random.nextDouble();
    }

    public int reproducible(long seed) {
      return new Random(seed).nextInt();
    }
  }

  /** Breaks the inward rule: the domain sees a port. */
  public static final class DependsOnAPort {
    public PortsFixtures.SomePort port;
  }

  /** Breaks "domain only on java..": a third-party type. */
  public static final class DependsOnAThirdPartyType {
    public ThirdPartyType type;
  }

  /** Breaks the no-DI rule with a javax.inject type. */
  public static final class UsesJavaxInject {
    public JavaxInjectStandIn injected;
  }

  /** Breaks the Gson rule: a JSON type in the domain. */
  public static final class UsesGson {
    public GsonStandIn json;
  }

  /** Breaks the no-cycles rule together with {@link PortsFixtures.CyclicPort}. */
  public static final class CyclicDomainType {
    public PortsFixtures.CyclicPort port;
  }

  /** Reads {@code Instant.now()}. */
  public static final class ReadsInstantNow {
    public Instant now() {
      return Instant.now();
    }
  }

  /** Refers to {@code Instant::now} without calling it directly. */
  public static final class RefersToInstantNow {
    public Supplier<Instant> now() {
      return Instant::now;
    }
  }

  /** Reads {@code System.currentTimeMillis()}. */
  public static final class ReadsCurrentTimeMillis {
    public long now() {
      return System.currentTimeMillis();
    }
  }

  /** Reads {@code System.nanoTime()}. */
  public static final class ReadsNanoTime {
    public long now() {
      return System.nanoTime();
    }
  }

  /** Reads {@code LocalDate.now()}. */
  public static final class ReadsLocalDateNow {
    public LocalDate today() {
      return LocalDate.now();
    }
  }

  /** Reads {@code LocalDate.now(zone)}: a zone is not a clock. */
  public static final class ReadsLocalDateNowInAZone {
    public LocalDate today(ZoneId zone) {
      return LocalDate.now(zone);
    }
  }

  /** Reads {@code LocalDateTime.now()}. */
  public static final class ReadsLocalDateTimeNow {
    public LocalDateTime now() {
      return LocalDateTime.now();
    }
  }

  /** Reads {@code ZonedDateTime.now()}. */
  public static final class ReadsZonedDateTimeNow {
    public ZonedDateTime now() {
      return ZonedDateTime.now();
    }
  }

  /** Builds {@code Clock.systemUTC()}. */
  public static final class UsesTheSystemUtcClock {
    public Clock clock() {
      return Clock.systemUTC();
    }
  }

  /** Builds {@code Clock.systemDefaultZone()}. */
  public static final class UsesTheSystemDefaultZoneClock {
    public Clock clock() {
      return Clock.systemDefaultZone();
    }
  }

  /** Creates {@code new Random()}. */
  public static final class CreatesAnUnseededRandom {
    public int draw() {
      return new Random().nextInt();
    }
  }

  /** Calls {@code Math.random()}. */
  public static final class CallsMathRandom {
    public double draw() {
      return Math.random();
    }
  }

  /** Calls {@code ThreadLocalRandom.current()}. */
  public static final class UsesThreadLocalRandom {
    public int draw() {
      return ThreadLocalRandom.current().nextInt();
    }
  }
}
