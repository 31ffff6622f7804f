package com.feesmanager.automation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.archfixture.FirestoreAdapterFixtures;
import com.feesmanager.automation.adapters.http.archfixture.HttpAdapterFixtures;
import com.feesmanager.automation.adapters.local.archfixture.LocalAdapterFixtures;
import com.feesmanager.automation.adapters.redis.archfixture.RedisAdapterFixtures;
import com.feesmanager.automation.adapters.wppconnect.archfixture.WppConnectAdapterFixtures;
import com.feesmanager.automation.application.archfixture.ApplicationFixtures;
import com.feesmanager.automation.bootstrap.archfixture.BootstrapFixtures;
import com.feesmanager.automation.domain.archfixture.DomainFixtures;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import com.feesmanager.automation.runner.daemon.archfixture.DaemonRunnerFixtures;
import com.feesmanager.automation.runner.lambda.archfixture.LambdaRunnerFixtures;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule fails on a deliberate violation: fixture classes in test sources, under packages that
 * match the rules' globs, are imported on their own and evaluated. Where a rule permits something
 * (an SDK inside its adapter, a runner wiring everything), a fixture shows that it passes too, so
 * the globs are neither too narrow nor too wide.
 */
class ArchitectureRulesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("outwardDependencies")
  void dependencies_point_inward_fails_on_an_outward_dependency(Class<?> from, Class<?> to) {
    // given
    JavaClasses classes = importing(from, to);

    // when
    EvaluationResult result = ArchitectureRules.DEPENDENCIES_POINT_INWARD.evaluate(classes);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains(from.getName()).contains(to.getName()));
  }

  static Stream<Arguments> outwardDependencies() {
    return Stream.of(
        Arguments.of(DomainFixtures.DependsOnAPort.class, PortsFixtures.SomePort.class),
        Arguments.of(
            PortsFixtures.DependsOnTheApplication.class, ApplicationFixtures.SomeService.class),
        Arguments.of(
            ApplicationFixtures.DependsOnAnAdapter.class,
            RedisAdapterFixtures.SomeRedisAdapter.class),
        Arguments.of(
            RedisAdapterFixtures.DependsOnTheApplication.class,
            ApplicationFixtures.SomeService.class),
        Arguments.of(
            RedisAdapterFixtures.DependsOnARunner.class, DaemonRunnerFixtures.SomeRunner.class),
        Arguments.of(
            HttpAdapterFixtures.UsesTheBootstrap.class, BootstrapFixtures.SomeWiring.class));
  }

  @Test
  void dependencies_point_inward_passes_a_runner_wiring_every_layer() {
    // given
    JavaClasses classes =
        importing(
            DomainFixtures.PureValue.class,
            PortsFixtures.SomePort.class,
            ApplicationFixtures.SomeService.class,
            RedisAdapterFixtures.SomeRedisAdapter.class,
            LocalAdapterFixtures.SomeLocalAdapter.class,
            DaemonRunnerFixtures.SomeRunner.class);

    // when
    EvaluationResult result = ArchitectureRules.DEPENDENCIES_POINT_INWARD.evaluate(classes);

    // then
    assertThat(result.hasViolation()).as(report(result)).isFalse();
  }

  @Test
  void domain_depends_only_on_the_jdk_fails_on_a_third_party_type() {
    assertViolated(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK,
        DomainFixtures.DependsOnAThirdPartyType.class);
    assertNotViolated(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK,
        DomainFixtures.PureValue.class,
        DomainFixtures.TakesTimeAsInput.class,
        DomainFixtures.TakesRandomnessAsInput.class);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        DomainFixtures.UsesJavaxInject.class,
        PortsFixtures.UsesGuice.class,
        ApplicationFixtures.InjectedWithJakarta.class
      })
  void core_uses_no_dependency_injection_fails_on_guice_or_inject_in_the_core(Class<?> violator) {
    assertViolated(ArchitectureRules.CORE_USES_NO_DEPENDENCY_INJECTION, violator);
  }

  @Test
  void lettuce_only_in_the_redis_adapter_fails_on_lettuce_elsewhere() {
    assertViolated(
        ArchitectureRules.LETTUCE_ONLY_IN_THE_REDIS_ADAPTER,
        FirestoreAdapterFixtures.UsesLettuce.class);
    assertNotViolated(
        ArchitectureRules.LETTUCE_ONLY_IN_THE_REDIS_ADAPTER,
        RedisAdapterFixtures.SomeRedisAdapter.class);
  }

  @Test
  void jedis_only_in_the_redis_adapter_fails_on_jedis_elsewhere() {
    assertViolated(
        ArchitectureRules.JEDIS_ONLY_IN_THE_REDIS_ADAPTER,
        FirestoreAdapterFixtures.UsesJedis.class);
    assertNotViolated(
        ArchitectureRules.JEDIS_ONLY_IN_THE_REDIS_ADAPTER,
        RedisAdapterFixtures.SomeRedisAdapter.class);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        RedisAdapterFixtures.UsesFirestore.class,
        DaemonRunnerFixtures.UsesFirebase.class,
        ApplicationFixtures.UsesGrpc.class
      })
  void firestore_sdk_only_in_the_firestore_adapter_fails_on_the_sdk_elsewhere(Class<?> violator) {
    assertViolated(ArchitectureRules.FIRESTORE_SDK_ONLY_IN_THE_FIRESTORE_ADAPTER, violator);
    assertNotViolated(
        ArchitectureRules.FIRESTORE_SDK_ONLY_IN_THE_FIRESTORE_ADAPTER,
        FirestoreAdapterFixtures.SomeFirestoreAdapter.class);
  }

  @Test
  void http_client_only_in_the_wppconnect_http_and_firestore_adapters_fails_on_it_anywhere_else() {
    assertViolated(
        ArchitectureRules.HTTP_CLIENT_ONLY_IN_THE_WPPCONNECT_HTTP_AND_FIRESTORE_ADAPTERS,
        RedisAdapterFixtures.UsesTheHttpClient.class);
    assertViolated(
        ArchitectureRules.HTTP_CLIENT_ONLY_IN_THE_WPPCONNECT_HTTP_AND_FIRESTORE_ADAPTERS,
        DaemonRunnerFixtures.UsesTheHttpClient.class);
    assertNotViolated(
        ArchitectureRules.HTTP_CLIENT_ONLY_IN_THE_WPPCONNECT_HTTP_AND_FIRESTORE_ADAPTERS,
        WppConnectAdapterFixtures.SomeWppConnectAdapter.class,
        HttpAdapterFixtures.SomeHttpAdapter.class,
        FirestoreAdapterFixtures.SomeFirestoreAdapter.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void failsafe_only_in_adapters_and_runners_fails_on_failsafe_in_the_application() {
    assertViolated(
        ArchitectureRules.FAILSAFE_ONLY_IN_ADAPTERS_AND_RUNNERS,
        ApplicationFixtures.UsesFailsafe.class);
    assertNotViolated(
        ArchitectureRules.FAILSAFE_ONLY_IN_ADAPTERS_AND_RUNNERS,
        WppConnectAdapterFixtures.SomeWppConnectAdapter.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void gson_only_in_adapters_and_runners_fails_on_gson_in_the_domain() {
    assertViolated(
        ArchitectureRules.GSON_ONLY_IN_ADAPTERS_AND_RUNNERS, DomainFixtures.UsesGson.class);
    assertNotViolated(
        ArchitectureRules.GSON_ONLY_IN_ADAPTERS_AND_RUNNERS,
        LocalAdapterFixtures.SomeLocalAdapter.class,
        WppConnectAdapterFixtures.SomeWppConnectAdapter.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void adapters_do_not_depend_on_each_other_fails_on_an_adapter_using_another() {
    assertViolated(
        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
        RedisAdapterFixtures.DependsOnAnotherAdapter.class,
        LocalAdapterFixtures.SomeLocalAdapter.class);
  }

  @Test
  void runners_do_not_depend_on_each_other_fails_on_a_runner_using_another() {
    assertViolated(
        ArchitectureRules.RUNNERS_DO_NOT_DEPEND_ON_EACH_OTHER,
        LambdaRunnerFixtures.UsesTheDaemonRunner.class,
        DaemonRunnerFixtures.SomeRunner.class);
    assertNotViolated(
        ArchitectureRules.RUNNERS_DO_NOT_DEPEND_ON_EACH_OTHER,
        LambdaRunnerFixtures.SomeFunction.class,
        BootstrapFixtures.SomeWiring.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void only_bootstrap_and_runners_see_more_than_one_adapter_fails_on_an_adapter_seeing_another() {
    assertViolated(
        ArchitectureRules.ONLY_BOOTSTRAP_AND_RUNNERS_SEE_MORE_THAN_ONE_ADAPTER,
        RedisAdapterFixtures.DependsOnAnotherAdapter.class,
        LocalAdapterFixtures.SomeLocalAdapter.class);
    assertNotViolated(
        ArchitectureRules.ONLY_BOOTSTRAP_AND_RUNNERS_SEE_MORE_THAN_ONE_ADAPTER,
        BootstrapFixtures.SomeWiring.class,
        RedisAdapterFixtures.SomeRedisAdapter.class,
        LocalAdapterFixtures.SomeLocalAdapter.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void the_http_adapter_sees_ports_only_fails_on_it_using_the_application_or_the_bootstrap() {
    assertViolated(
        ArchitectureRules.HTTP_ADAPTER_SEES_PORTS_ONLY,
        HttpAdapterFixtures.UsesTheApplication.class,
        ApplicationFixtures.SomeService.class);
    assertViolated(
        ArchitectureRules.HTTP_ADAPTER_SEES_PORTS_ONLY,
        HttpAdapterFixtures.UsesTheBootstrap.class,
        BootstrapFixtures.SomeWiring.class);
    assertNotViolated(
        ArchitectureRules.HTTP_ADAPTER_SEES_PORTS_ONLY,
        HttpAdapterFixtures.SomeHttpAdapter.class,
        PortsFixtures.SomePort.class);
  }

  @Test
  void the_http_server_only_in_the_http_adapter_fails_on_a_runner_serving_requests() {
    assertViolated(
        ArchitectureRules.HTTP_SERVER_ONLY_IN_THE_HTTP_ADAPTER,
        DaemonRunnerFixtures.UsesTheHttpServer.class);
    assertNotViolated(
        ArchitectureRules.HTTP_SERVER_ONLY_IN_THE_HTTP_ADAPTER,
        HttpAdapterFixtures.SomeHttpAdapter.class);
  }

  @ParameterizedTest(name = "{0} ⇄ {1}")
  @MethodSource("cycles")
  void no_cycles_between_modules_fails_on_a_cycle(Class<?> one, Class<?> other) {
    assertViolated(ArchitectureRules.NO_CYCLES_BETWEEN_MODULES, one, other);
  }

  static Stream<Arguments> cycles() {
    return Stream.of(
        Arguments.of(DomainFixtures.CyclicDomainType.class, PortsFixtures.CyclicPort.class),
        Arguments.of(
            RedisAdapterFixtures.CyclicRedisPart.class,
            FirestoreAdapterFixtures.CyclicFirestorePart.class));
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        DomainFixtures.ReadsInstantNow.class,
        DomainFixtures.RefersToInstantNow.class,
        DomainFixtures.ReadsCurrentTimeMillis.class,
        DomainFixtures.ReadsNanoTime.class,
        DomainFixtures.ReadsLocalDateNow.class,
        DomainFixtures.ReadsLocalDateNowInAZone.class,
        DomainFixtures.ReadsLocalDateTimeNow.class,
        DomainFixtures.ReadsZonedDateTimeNow.class,
        DomainFixtures.UsesTheSystemUtcClock.class,
        DomainFixtures.UsesTheSystemDefaultZoneClock.class
      })
  void domain_does_not_read_the_system_clock_fails_on_a_hidden_clock(Class<?> violator) {
    assertViolated(ArchitectureRules.DOMAIN_DOES_NOT_READ_THE_SYSTEM_CLOCK, violator);
    assertNotViolated(
        ArchitectureRules.DOMAIN_DOES_NOT_READ_THE_SYSTEM_CLOCK,
        DomainFixtures.TakesTimeAsInput.class);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        DomainFixtures.CreatesAnUnseededRandom.class,
        DomainFixtures.CallsMathRandom.class,
        DomainFixtures.UsesThreadLocalRandom.class
      })
  void domain_uses_no_hidden_randomness_fails_on_an_unseeded_source(Class<?> violator) {
    assertViolated(ArchitectureRules.DOMAIN_USES_NO_HIDDEN_RANDOMNESS, violator);
    assertNotViolated(
        ArchitectureRules.DOMAIN_USES_NO_HIDDEN_RANDOMNESS,
        DomainFixtures.TakesRandomnessAsInput.class);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        ApplicationFixtures.ReadsAnEnvironmentVariable.class,
        ApplicationFixtures.ReadsTheWholeEnvironment.class
      })
  void core_does_not_read_the_environment_fails_on_getenv(Class<?> violator) {
    assertViolated(ArchitectureRules.CORE_DOES_NOT_READ_THE_ENVIRONMENT, violator);
    assertNotViolated(
        ArchitectureRules.CORE_DOES_NOT_READ_THE_ENVIRONMENT,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void no_standard_streams_outside_runners_fails_on_an_adapter_printing() {
    assertViolated(
        ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_RUNNERS,
        LocalAdapterFixtures.PrintsToTheConsole.class);
    assertNotViolated(
        ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_RUNNERS,
        LocalAdapterFixtures.SomeLocalAdapter.class,
        DaemonRunnerFixtures.SomeRunner.class);
  }

  @Test
  void no_generic_exceptions_fails_on_throwing_a_runtime_exception() {
    assertViolated(
        ArchitectureRules.NO_GENERIC_EXCEPTIONS, ApplicationFixtures.ThrowsAGenericException.class);
  }

  @Test
  void no_java_util_logging_fails_on_a_jul_logger() {
    assertViolated(
        ArchitectureRules.NO_JAVA_UTIL_LOGGING, LocalAdapterFixtures.LogsWithJavaUtilLogging.class);
  }

  @Test
  void no_field_injection_fails_on_an_injected_field() {
    assertViolated(ArchitectureRules.NO_FIELD_INJECTION, DaemonRunnerFixtures.FieldInjected.class);
    assertNotViolated(
        ArchitectureRules.NO_FIELD_INJECTION, ApplicationFixtures.InjectedWithJakarta.class);
  }

  private static JavaClasses importing(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  private static void assertViolated(ArchRule rule, Class<?>... classes) {
    // given
    JavaClasses imported = importing(classes);

    // when
    EvaluationResult result = rule.evaluate(imported);

    // then
    assertThat(result.hasViolation()).as("%s on %s", rule.getDescription(), imported).isTrue();
  }

  private static void assertNotViolated(ArchRule rule, Class<?>... classes) {
    EvaluationResult result = rule.evaluate(importing(classes));
    assertThat(result.hasViolation()).as(report(result)).isFalse();
  }

  private static String report(EvaluationResult result) {
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
