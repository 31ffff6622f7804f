package com.feesmanager.automation.bootstrap.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.feesmanager.automation.bootstrap.config.ConfigVariables;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code docker/docker-compose.yml} in both of its ways (docs/deployment.md): joining the
 * wppconnect-server already on the droplet (default), and starting one (profile {@code
 * wppconnect}). Each is validated against the Compose Specification's JSON schema (a copy of
 * compose-spec/compose-spec {@code schema/compose-spec.json} in the test resources) after
 * interpolation with a {@code .env} as {@code scripts/setup.sh} makes it, then held to this
 * project's own rules. No Docker engine needed.
 */
class ComposeFileTest {

  static final Path COMPOSE = Path.of("../docker/docker-compose.yml");
  static final Path ENV_EXAMPLE = Path.of("../.env.example");

  /** The two ways to run the stack. */
  enum Mode {
    JOIN_EXISTING(""),
    FRESH_DROPLET("wppconnect");

    final String profiles;

    Mode(String profiles) {
      this.profiles = profiles;
    }
  }

  private static final JsonSchema SCHEMA = composeSchema();

  /**
   * {@code .env.example} with what setup.sh and the operator fill in: every secret a recognisable
   * value (so it can be searched for), and the mode's profiles.
   */
  static Map<String, String> env(Mode mode) throws IOException {
    Map<String, String> env = new HashMap<>(ComposeProject.envFile(ENV_EXAMPLE));
    for (String secret : ConfigVariables.SECRET_VARIABLES) {
      env.put(secret, "secret-" + secret.toLowerCase() + "-0123456789abcdef");
    }
    env.put("FIREBASE_PROJECT_ID", "demo-project");
    env.put("COMPOSE_PROFILES", mode.profiles);
    return env;
  }

  static ObjectNode project(Mode mode) throws IOException {
    return ComposeProject.resolve(COMPOSE, env(mode));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void each_way_is_a_valid_compose_file(Mode mode) throws IOException {
    Set<ValidationMessage> problems = SCHEMA.validate(project(mode));

    assertThat(problems).isEmpty();
  }

  @Test
  void the_schema_check_can_fail() throws IOException {
    // given a misspelt key, a limit of the wrong type and a healthcheck without its test list
    ObjectNode broken = project(Mode.FRESH_DROPLET);
    ObjectNode automation = (ObjectNode) broken.get("services").get("automation");
    automation.put("mem_limt", "384m");
    ((ObjectNode) broken.get("services").get("redis")).putArray("mem_limit").add(true);
    ((ObjectNode) automation.get("healthcheck")).put("test", 5);

    // then
    assertThat(SCHEMA.validate(broken))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("mem_limt"))
        .anySatisfy(m -> assertThat(m).contains("mem_limit"))
        .anySatisfy(m -> assertThat(m).contains("healthcheck.test"));
  }

  @Test
  void by_default_the_stack_joins_the_existing_wppconnect_servers_network() throws IOException {
    ObjectNode project = project(Mode.JOIN_EXISTING);

    assertThat(names(project.get("services"))).containsExactlyInAnyOrder("automation", "redis");
    JsonNode network = project.get("networks").get("wppconnect");
    assertThat(network.get("external").asBoolean()).isTrue();
    // the network's name comes from .env, with the upstream server-cli's own as the default
    assertThat(ComposeProject.raw(COMPOSE).get("networks").get("wppconnect").get("name").asText())
        .isEqualTo("${WPPCONNECT_NETWORK:-wppconnect-cli}");
    assertThat(network.get("name").asText())
        .isEqualTo(env(Mode.JOIN_EXISTING).getOrDefault("WPPCONNECT_NETWORK", "wppconnect-cli"));
    assertThat(names(service(project, "automation").get("networks"))).contains("wppconnect");
    // and Redis stays off every network but the internal one
    assertThat(service(project, "redis").get("networks").get(0).asText()).isEqualTo("backend");
    assertThat(project.get("networks").get("backend").get("internal").asBoolean()).isTrue();
  }

  @Test
  void the_wppconnect_profile_starts_a_server_the_daemon_finds_at_the_configured_url()
      throws IOException {
    ObjectNode project = project(Mode.FRESH_DROPLET);
    Map<String, String> env = env(Mode.FRESH_DROPLET);

    assertThat(names(project.get("services")))
        .containsExactlyInAnyOrder("automation", "redis", "wppconnect-server");
    JsonNode server = service(project, "wppconnect-server");
    assertThat(server.get("profiles").get(0).asText()).isEqualTo("wppconnect");
    URI url = URI.create(env.get("WPPCONNECT_SERVER_URL"));
    // a service's name is its host name on each of its networks
    assertThat(url.getHost()).isEqualTo("wppconnect-server");
    assertThat(texts(server.get("networks"))).containsExactly("wppconnect");
    assertThat(url.getPort()).isEqualTo(21465);
    // and it posts receipts to the daemon by a name the daemon has on that network
    URI webhook = URI.create(server.get("environment").get("WPPCONNECT_WEBHOOK_URL").asText());
    assertThat(aliases(service(project, "automation"), "wppconnect")).contains(webhook.getHost());
    assertThat(webhook.getPort())
        .isEqualTo(Integer.parseInt(env.getOrDefault("HTTP_PORT", "8081")));
    assertThat(webhook.getPath()).isEqualTo("/webhooks/wppconnect/" + env.get("WEBHOOK_SECRET"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void every_service_has_a_pinned_image_a_healthcheck_and_a_memory_limit(Mode mode)
      throws IOException {
    project(mode)
        .get("services")
        .fields()
        .forEachRemaining(
            entry -> {
              String name = entry.getKey();
              JsonNode service = entry.getValue();
              if (!service.has("build")) {
                assertThat(service.get("image").asText())
                    .as(name + " image")
                    .matches(".+:(?!latest)[^:/]*\\d+\\.\\d+[^:/]*(@sha256:[0-9a-f]{64})?");
              }
              assertThat(service.path("healthcheck").path("test").isArray())
                  .as(name + " healthcheck")
                  .isTrue();
              assertThat(service.path("mem_limit").asText())
                  .as(name + " mem_limit")
                  .matches("\\d+[mg]");
            });
  }

  @Test
  void the_image_is_built_from_pinned_base_images() throws IOException {
    String dockerfile = Files.readString(Path.of("../docker/Dockerfile"));

    assertThat(dockerfile)
        .containsPattern(
            "(?m)^ARG JDK_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk-[a-z]+(@sha256:[0-9a-f]{64})?$")
        .containsPattern(
            "(?m)^ARG JRE_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-alpine-\\d+\\.\\d+(@sha256:[0-9a-f]{64})?$");
  }

  @Test
  void the_daemon_is_healthy_only_when_ready_and_has_room_over_its_measured_peak()
      throws IOException {
    JsonNode automation = service(project(Mode.JOIN_EXISTING), "automation");

    assertThat(String.join(" ", texts(automation.get("healthcheck").get("test"))))
        .contains("/health/ready")
        .doesNotContain("/health/live");
    // the peak measured in docs/benchmarks.md is ≈ 225 MiB; a quarter more at least
    assertThat(megabytes(automation.get("mem_limit").asText())).isGreaterThanOrEqualTo(280);
    assertThat(
            automation.has("depends_on") && automation.get("depends_on").has("wppconnect-server"))
        .as("the daemon must start without a wppconnect-server of this stack")
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void no_secret_is_on_a_command_line_and_depends_on_names_running_services(Mode mode)
      throws IOException {
    ObjectNode project = project(mode);
    Map<String, String> env = env(mode);
    Set<String> services = names(project.get("services"));

    project
        .get("services")
        .fields()
        .forEachRemaining(
            entry -> {
              String commandLine =
                  String.join(" ", texts(entry.getValue().path("command")))
                      + " "
                      + String.join(" ", texts(entry.getValue().path("entrypoint")));
              for (String secret : ConfigVariables.SECRET_VARIABLES) {
                assertThat(commandLine)
                    .as(entry.getKey() + " command line")
                    .doesNotContain(env.get(secret));
              }
              assertThat(services)
                  .as(entry.getKey() + " depends_on")
                  .containsAll(names(entry.getValue().path("depends_on")));
            });
  }

  @Test
  void the_bundled_server_gets_only_its_two_secrets_and_reads_acks_without_marking_chats_read()
      throws IOException {
    JsonNode server = service(project(Mode.FRESH_DROPLET), "wppconnect-server");

    assertThat(server.has("env_file"))
        .as("the whole .env (Firebase key) is not its business")
        .isFalse();
    assertThat(names(server.get("environment")))
        .containsExactlyInAnyOrder("WPPCONNECT_SECRET_KEY", "WPPCONNECT_WEBHOOK_URL");
    JsonNode config =
        new ObjectMapper().readTree(Path.of("../docker/wppconnect-server.json").toFile());
    assertThat(config.at("/webhook/listenAcks").asBoolean()).isTrue();
    assertThat(config.at("/webhook/readMessage").asBoolean(true)).isFalse();
    assertThat(config.at("/mapper/enable").asBoolean(true)).isFalse();
    assertThat(texts(server.get("volumes")))
        .contains(
            "./wppconnect-server.json:/etc/wppconnect/server.json:ro",
            "./wppconnect-start.sh:/etc/wppconnect/start.sh:ro");
    assertThat(Files.readString(Path.of("../docker/wppconnect-start.sh")))
        .contains("WPPCONNECT_SECRET_KEY")
        .contains("--config");
  }

  @Test
  void the_default_way_needs_no_secret_of_the_bundled_server_which_refuses_to_start_without()
      throws IOException {
    // given an operator who uses the existing server's token instead of its secret key
    Map<String, String> env = env(Mode.JOIN_EXISTING);
    env.put("WPPCONNECT_SECRET_KEY", "");

    // then Compose still reads the file (it interpolates disabled services too)
    assertThat(names(ComposeProject.resolve(COMPOSE, env).get("services")))
        .containsExactlyInAnyOrder("automation", "redis");
    // and the bundled server's entry point checks both values itself
    assertThat(Files.readString(Path.of("../docker/wppconnect-start.sh")))
        .contains("\"WPPCONNECT_SECRET_KEY\", \"WPPCONNECT_WEBHOOK_URL\"")
        .contains("is not set")
        .contains("process.exit(2)");
  }

  @Test
  void a_required_variable_left_empty_is_an_error_as_compose_makes_it() {
    assertThatThrownBy(() -> ComposeProject.interpolate("${X:?set X}", Map.of("X", "")))
        .hasMessageContaining("set X");
    assertThat(ComposeProject.interpolate("$${A:-1} ${B:-2} ${C-3}", Map.of("C", "")))
        .isEqualTo("${A:-1} 2 ");
  }

  @Test
  void every_variable_the_compose_file_reads_is_in_the_env_example() throws IOException {
    String example = Files.readString(ENV_EXAMPLE);

    for (String name : ComposeProject.variables(COMPOSE)) {
      assertThat(example).as(".env.example").containsPattern("(?m)^#? ?" + name + "=");
    }
  }

  @Test
  void the_systemd_unit_appends_java_extra_opts() throws IOException {
    String unit = Files.readString(Path.of("../deploy/systemd/fees-automation.service"));

    assertThat(unit)
        .containsPattern("(?m)^ExecStart=/usr/bin/java \\$JAVA_OPTS \\$JAVA_EXTRA_OPTS -jar ");
  }

  private static JsonSchema composeSchema() {
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose/compose-spec.json")) {
      ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
      // the file's own $id ("compose_spec.json") is relative, which the validator refuses
      schema.put("$id", "https://github.com/compose-spec/compose-spec/schema/compose-spec.json");
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode service(JsonNode project, String name) {
    return project.get("services").get(name);
  }

  /** The keys of a mapping, or the items of a list (Compose accepts both in many places). */
  private static Set<String> names(JsonNode node) {
    if (node.isArray()) {
      return texts(node).stream().collect(Collectors.toSet());
    }
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> texts.add(item.asText()));
    } else if (node.isTextual()) {
      texts.add(node.asText());
    }
    return texts;
  }

  private static List<String> aliases(JsonNode service, String network) {
    return texts(service.path("networks").path(network).path("aliases"));
  }

  private static long megabytes(String limit) {
    long value = Long.parseLong(limit.substring(0, limit.length() - 1));
    return limit.endsWith("g") ? value * 1024 : value;
  }
}
