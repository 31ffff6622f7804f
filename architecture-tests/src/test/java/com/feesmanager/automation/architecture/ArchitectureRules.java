package com.feesmanager.automation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of fees-automation as ArchUnit rules, each a named constant: the hexagon's
 * dependency directions, SDKs confined to their adapter, a deterministic domain, and the predefined
 * coding rules. Globs name packages, not modules, so a new adapter or runner module is covered as
 * soon as its classes are on the classpath.
 */
public final class ArchitectureRules {

  /** The root package; every module has one segment under it. */
  public static final String ROOT = "com.feesmanager.automation";

  static final String DOMAIN = ROOT + ".domain..";
  static final String PORTS = ROOT + ".ports..";
  static final String APPLICATION = ROOT + ".application..";
  static final String ADAPTERS = ROOT + ".adapters..";
  static final String RUNNERS = ROOT + ".runner..";
  static final String BOOTSTRAP = ROOT + ".bootstrap..";
  static final String HTTP_ADAPTER = ROOT + ".adapters.http..";

  private ArchitectureRules() {}

  /**
   * domain ← ports ← application; adapters use ports and domain; the bootstrap (configuration,
   * wiring) serves the runners only; only runners see everything. Empty layers are allowed: runner
   * and SDK adapter modules are added over time.
   */
  @ArchTest
  public static final ArchRule DEPENDENCIES_POINT_INWARD =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("Domain")
          .definedBy(DOMAIN)
          .layer("Ports")
          .definedBy(PORTS)
          .layer("Application")
          .definedBy(APPLICATION)
          .layer("Adapters")
          .definedBy(ADAPTERS)
          .layer("Bootstrap")
          .definedBy(BOOTSTRAP)
          .layer("Runners")
          .definedBy(RUNNERS)
          .whereLayer("Domain")
          .mayNotAccessAnyLayer()
          .whereLayer("Ports")
          .mayOnlyAccessLayers("Domain")
          .whereLayer("Application")
          .mayOnlyAccessLayers("Ports", "Domain")
          .whereLayer("Adapters")
          .mayOnlyAccessLayers("Ports", "Domain")
          .whereLayer("Bootstrap")
          .mayOnlyBeAccessedByLayers("Runners")
          .whereLayer("Runners")
          .mayNotBeAccessedByAnyLayer()
          .as("dependencies point inward: domain ← ports ← application, adapters → ports/domain")
          .because("the core must not know how it is driven or what it is plugged into");

  /** The domain is plain Java: no library, no framework, no other module. */
  @ArchTest
  public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", DOMAIN)
          .as("the domain depends only on java.. packages")
          .allowEmptyShould(true);

  /** Dependency injection is wiring, done at the edges; the core is built with constructors. */
  @ArchTest
  public static final ArchRule CORE_USES_NO_DEPENDENCY_INJECTION =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
          .as("domain, ports and application use no Guice or javax/jakarta.inject")
          .because("wiring belongs to adapters and runners (Guice modules of @Provides methods)")
          .allowEmptyShould(true);

  /** Lettuce types never leave the Redis adapter. */
  @ArchTest
  public static final ArchRule LETTUCE_ONLY_IN_THE_REDIS_ADAPTER =
      sdkOnlyIn("Lettuce", new String[] {"io.lettuce.."}, ROOT + ".adapters.redis..");

  /** Jedis types never leave the Redis adapter either (a one-shot tick's client). */
  @ArchTest
  public static final ArchRule JEDIS_ONLY_IN_THE_REDIS_ADAPTER =
      sdkOnlyIn("Jedis", new String[] {"redis.clients.."}, ROOT + ".adapters.redis..");

  /** Firestore, Firebase and gRPC types never leave the Firestore adapter. */
  @ArchTest
  public static final ArchRule FIRESTORE_SDK_ONLY_IN_THE_FIRESTORE_ADAPTER =
      sdkOnlyIn(
          "the Firestore SDK",
          new String[] {"com.google.cloud..", "com.google.firebase..", "io.grpc.."},
          ROOT + ".adapters.firestore..");

  /**
   * The HTTP client serves the WhatsApp gateway adapter, the HTTP adapter (alert webhook) and the
   * Firestore adapter (its REST path, issue 16).
   */
  @ArchTest
  public static final ArchRule HTTP_CLIENT_ONLY_IN_THE_WPPCONNECT_HTTP_AND_FIRESTORE_ADAPTERS =
      sdkOnlyIn(
          "java.net.http",
          new String[] {"java.net.http.."},
          ROOT + ".adapters.wppconnect..",
          ROOT + ".adapters.http..",
          ROOT + ".adapters.firestore..");

  /**
   * Resilience is built once, at the edges: Failsafe policies live in adapters (gateway calls,
   * Firestore read retries) and runners, never in the core.
   */
  @ArchTest
  public static final ArchRule FAILSAFE_ONLY_IN_ADAPTERS_AND_RUNNERS =
      sdkOnlyIn("Failsafe", new String[] {"dev.failsafe.."}, ADAPTERS, RUNNERS);

  /** JSON (Gson) is an adapter and runner concern; no Gson type crosses a port. */
  @ArchTest
  public static final ArchRule GSON_ONLY_IN_ADAPTERS_AND_RUNNERS =
      sdkOnlyIn("Gson", new String[] {"com.google.gson.."}, ADAPTERS, RUNNERS);

  /** Adapters are interchangeable plug-ins; only a runner combines them. */
  @ArchTest
  public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
      slices()
          .matching(ROOT + ".adapters.(*)..")
          .namingSlices("adapter $1")
          .should()
          .notDependOnEachOther()
          .as("adapters do not depend on each other")
          .allowEmptyShould(true);

  /**
   * Each runner starts from the bootstrap; none reaches into another (the Lambda jar stays small).
   */
  @ArchTest
  public static final ArchRule RUNNERS_DO_NOT_DEPEND_ON_EACH_OTHER =
      slices()
          .matching(ROOT + ".runner.(*)..")
          .namingSlices("runner $1")
          .should()
          .notDependOnEachOther()
          .as("runners do not depend on each other")
          .allowEmptyShould(true);

  /** Combining adapters is wiring: only the bootstrap and the runners see more than one adapter. */
  @ArchTest
  public static final ArchRule ONLY_BOOTSTRAP_AND_RUNNERS_SEE_MORE_THAN_ONE_ADAPTER =
      noClasses()
          .that()
          .resideOutsideOfPackages(BOOTSTRAP, RUNNERS)
          .should(seeMoreThanOneAdapter())
          .as("only the bootstrap and the runners see more than one adapter")
          .allowEmptyShould(true);

  /** The HTTP surface drives the core through its ports (use cases) and nothing else of ours. */
  @ArchTest
  public static final ArchRule HTTP_ADAPTER_SEES_PORTS_ONLY =
      noClasses()
          .that()
          .resideInAPackage(HTTP_ADAPTER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(APPLICATION, BOOTSTRAP, RUNNERS)
          .orShould()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are in another adapter",
                  (JavaClass c) ->
                      c.getPackageName().startsWith(ROOT + ".adapters.")
                          && !c.getPackageName().startsWith(ROOT + ".adapters.http")))
          .as("adapters-http sees ports (and the domain values they carry) only")
          .allowEmptyShould(true);

  /** The JDK's HTTP server is the HTTP adapter's: the runners only start it. */
  @ArchTest
  public static final ArchRule HTTP_SERVER_ONLY_IN_THE_HTTP_ADAPTER =
      sdkOnlyIn("com.sun.net.httpserver", new String[] {"com.sun.net.httpserver.."}, HTTP_ADAPTER);

  /**
   * No cycles between modules: the top-level slices, with each adapter and each runner a slice of
   * its own (cycles between packages inside one module are that module's business).
   */
  @ArchTest
  public static final ArchRule NO_CYCLES_BETWEEN_MODULES =
      slices()
          .assignedFrom(new ModuleSlices())
          .should()
          .beFreeOfCycles()
          .as("modules (domain, ports, application, each adapter, each runner) are free of cycles")
          .allowEmptyShould(true);

  /** Time is an input of the domain: a {@code Clock} or an {@code Instant} is passed in. */
  @ArchTest
  public static final ArchRule DOMAIN_DOES_NOT_READ_THE_SYSTEM_CLOCK =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .accessTargetWhere(describedAs("read the system clock", ArchitectureRules::readsClock))
          .as("the domain does not read the system clock")
          .because("tests move time by hand; pass a Clock or an Instant")
          .allowEmptyShould(true);

  /** Randomness is an input of the domain, so jitter and the like are reproducible. */
  @ArchTest
  public static final ArchRule DOMAIN_USES_NO_HIDDEN_RANDOMNESS =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .accessTargetWhere(
              describedAs("use an unseeded random source", ArchitectureRules::drawsRandomness))
          .as("the domain uses no hidden randomness")
          .because("a random source is passed in, so results are reproducible")
          .allowEmptyShould(true);

  /** Configuration is read once, by the runner, and passed in as values. */
  @ArchTest
  public static final ArchRule CORE_DOES_NOT_READ_THE_ENVIRONMENT =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, APPLICATION)
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .as("domain, ports and application do not read environment variables")
          .because("configuration is read by the runner and passed in as values")
          .allowEmptyShould(true);

  /** Only the CLI (a runner) talks to the console; everything else logs or takes a stream. */
  @ArchTest
  public static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_RUNNERS =
      noClasses()
          .that()
          .resideOutsideOfPackage(RUNNERS)
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .as("no classes outside the runners access standard streams")
          .because("the CLI owns the console; other code logs, or writes to a stream it is given")
          .allowEmptyShould(true);

  /** Exceptions say what went wrong: IllegalArgumentException or the ports' unchecked tree. */
  @ArchTest
  public static final ArchRule NO_GENERIC_EXCEPTIONS =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  /** One logging API (SLF4J) for the whole process. */
  @ArchTest
  public static final ArchRule NO_JAVA_UTIL_LOGGING =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  /** Dependencies arrive through constructors, so every object is complete once built. */
  @ArchTest
  public static final ArchRule NO_FIELD_INJECTION =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  private static ArchRule sdkOnlyIn(String sdk, String[] sdkPackages, String... allowedPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedPackages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(sdkPackages)
        .as(sdk + " is used only in " + String.join(", ", allowedPackages))
        .because("SDKs stay in their adapter; no SDK type crosses a port")
        .allowEmptyShould(true);
  }

  /** Depends on classes of two or more adapter modules (its own included). */
  private static ArchCondition<JavaClass> seeMoreThanOneAdapter() {
    return new ArchCondition<>("see more than one adapter") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        Set<String> adapters = new TreeSet<>();
        adapterOf(javaClass).ifPresent(adapters::add);
        for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
          adapterOf(dependency.getTargetClass()).ifPresent(adapters::add);
        }
        if (adapters.size() > 1) {
          events.add(
              SimpleConditionEvent.satisfied(
                  javaClass, javaClass.getName() + " sees the adapters " + adapters));
        }
      }
    };
  }

  private static Optional<String> adapterOf(JavaClass javaClass) {
    Matcher matcher = ADAPTER.matcher(javaClass.getPackageName());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static final Pattern ADAPTER =
      Pattern.compile(Pattern.quote(ROOT) + "\\.adapters\\.([^.]+)(?:\\..*)?");

  private static DescribedPredicate<JavaAccess<?>> describedAs(
      String description, Predicate<AccessTarget> test) {
    return DescribedPredicate.describe(description, access -> test.test(access.getTarget()));
  }

  /**
   * {@code System.currentTimeMillis/nanoTime}, {@code Clock.systemUTC/systemDefaultZone/system},
   * and every {@code java.time} {@code now(…)} that does not take a {@code Clock}.
   */
  static boolean readsClock(AccessTarget target) {
    String owner = target.getOwner().getName();
    String name = target.getName();
    return switch (owner) {
      case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
      case "java.time.Clock" ->
          name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
      default -> owner.startsWith("java.time.") && name.equals("now") && !takesAClock(target);
    };
  }

  private static boolean takesAClock(AccessTarget target) {
    return target instanceof CodeUnitAccessTarget codeUnit
        && codeUnit.getRawParameterTypes().stream()
            .anyMatch(type -> type.getName().equals("java.time.Clock"));
  }

  /**
   * {@code new Random()} (or any unseeded {@code Random} subclass), {@code Math.random()}, {@code
   * ThreadLocalRandom.current()} and {@code UUID.randomUUID()}.
   */
  static boolean drawsRandomness(AccessTarget target) {
    String owner = target.getOwner().getName();
    String name = target.getName();
    if (name.equals("<init>") && target instanceof CodeUnitAccessTarget constructor) {
      return target.getOwner().isAssignableTo(Random.class)
          && constructor.getRawParameterTypes().isEmpty();
    }
    return switch (owner) {
      case "java.lang.Math", "java.lang.StrictMath" -> name.equals("random");
      case "java.util.concurrent.ThreadLocalRandom" -> name.equals("current");
      case "java.util.UUID" -> name.equals("randomUUID");
      default -> false;
    };
  }

  /**
   * One slice per module: {@code domain}, {@code ports}, {@code application}, and {@code
   * adapters.<tech>} / {@code runner.<name>} for each adapter and runner.
   */
  private static final class ModuleSlices implements SliceAssignment {

    private static final Pattern MODULE =
        Pattern.compile(
            Pattern.quote(ROOT)
                + "\\.((?:adapters|runner)\\.[^.]+|(?!adapters\\b|runner\\b)[^.]+)"
                + "(?:\\..*)?");

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      Matcher matcher = MODULE.matcher(javaClass.getPackageName());
      return matcher.matches() ? SliceIdentifier.of(matcher.group(1)) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "modules of " + ROOT;
    }
  }
}
