package com.feesmanager.automation.bootstrap.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/setup.sh} and {@code scripts/deploy.sh} run by bash in a copy of the repository's
 * files, with a stand-in {@code docker} (and {@code curl}) on the PATH that records each call and
 * answers as told: deploy checks before it starts anything, setup writes what it is told or
 * generates without asking when there is no terminal.
 */
class DeployScriptsTest {

  /** Records its arguments; `compose … run … check` prints two lines and exits CHECK_EXIT. */
  private static final String DOCKER =
      """
      #!/usr/bin/env bash
      echo "$*" >>"$DOCKER_LOG"
      case "$*" in
        "network inspect "*) exit "${NETWORK_MISSING:-0}" ;;
        *" run --rm --no-deps -T automation check")
          echo "redis      OK  redis://redis:6379"
          echo "firestore  UNREACHABLE  PERMISSION_DENIED: credentials refused"
          exit "${CHECK_EXIT:-1}" ;;
      esac
      exit 0
      """;

  @TempDir Path repo;
  private Path log;

  @BeforeEach
  void copyTheScripts() throws IOException {
    Files.createDirectories(repo.resolve("scripts"));
    for (String script : List.of("setup.sh", "deploy.sh")) {
      Files.copy(Path.of("../scripts", script), repo.resolve("scripts").resolve(script));
    }
    Files.copy(Path.of("../.env.example"), repo.resolve(".env.example"));
    Path bin = Files.createDirectories(repo.resolve("bin"));
    executable(bin.resolve("docker"), DOCKER);
    executable(bin.resolve("curl"), "#!/bin/sh\nexit 0\n");
    log = repo.resolve("docker.log");
    Files.createFile(log);
  }

  @Test
  void deploy_stops_with_the_checks_lines_and_starts_nothing_when_the_check_fails()
      throws Exception {
    // given
    run("setup.sh", Map.of(), "--env-only", "--join", "wppconnect-cli");

    // when
    Result deploy = run("deploy.sh", Map.of("CHECK_EXIT", "1"));

    // then
    assertThat(deploy.exit()).isEqualTo(1);
    assertThat(deploy.output())
        .contains("firestore  UNREACHABLE  PERMISSION_DENIED: credentials refused")
        .contains("check failed (exit 1)");
    assertThat(dockerCalls())
        .anyMatch(call -> call.endsWith("run --rm --no-deps -T automation check"))
        .noneMatch(call -> call.contains("up -d --remove-orphans"));
  }

  @Test
  void deploy_builds_checks_then_starts_the_stack_in_that_order() throws Exception {
    run("setup.sh", Map.of(), "--env-only", "--join", "wppconnect-cli");

    Result deploy = run("deploy.sh", Map.of("CHECK_EXIT", "0"));

    assertThat(deploy.exit()).as(deploy.output()).isZero();
    List<String> calls = dockerCalls();
    assertThat(calls)
        .filteredOn(call -> call.startsWith("compose"))
        .extracting(
            call ->
                call.replaceFirst("^compose --env-file \\.env -f docker/docker-compose\\.yml ", ""))
        .startsWith(
            "build --pull automation",
            "up -d --wait redis",
            "run --rm --no-deps -T automation check",
            "up -d --remove-orphans");
  }

  @Test
  void deploy_with_the_profile_starts_our_server_before_the_check_and_creates_its_network()
      throws Exception {
    run("setup.sh", Map.of(), "--env-only", "--fresh");

    Result deploy = run("deploy.sh", Map.of("CHECK_EXIT", "0", "NETWORK_MISSING", "1"));

    assertThat(deploy.exit()).as(deploy.output()).isZero();
    assertThat(dockerCalls())
        .contains("network create wppconnect-cli")
        .anyMatch(call -> call.endsWith("up -d --wait redis wppconnect-server"));
  }

  @Test
  void deploy_refuses_to_join_a_network_that_does_not_exist() throws Exception {
    run("setup.sh", Map.of(), "--env-only", "--join", "their-net");

    Result deploy = run("deploy.sh", Map.of("NETWORK_MISSING", "1"));

    assertThat(deploy.exit()).isEqualTo(2);
    assertThat(deploy.output()).contains("'their-net' (WPPCONNECT_NETWORK) not found");
    assertThat(dockerCalls()).noneMatch(call -> call.startsWith("compose"));
  }

  @Test
  void setup_without_a_terminal_asks_nothing_and_keeps_generated_secrets_on_a_second_run()
      throws Exception {
    // when
    Result first = run("setup.sh", Map.of(), "--env-only", "--fresh", "--project-id", "acme-fees");
    Map<String, String> env = ComposeProject.envFile(repo.resolve(".env"));
    Result second = run("setup.sh", Map.of(), "--env-only");

    // then
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(env)
        .containsEntry("COMPOSE_PROFILES", "wppconnect")
        .containsEntry("WPPCONNECT_NETWORK", "wppconnect-cli")
        .containsEntry("WPPCONNECT_SERVER_URL", "http://wppconnect-server:21465")
        .containsEntry("FIREBASE_PROJECT_ID", "acme-fees");
    assertThat(env.get("WEBHOOK_SECRET")).matches("[0-9a-f]{48}");
    assertThat(env.get("WPPCONNECT_SECRET_KEY")).matches("[0-9a-f]{48}");
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(ComposeProject.envFile(repo.resolve(".env"))).isEqualTo(env);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve(".env"))))
        .isEqualTo("rw-------");
  }

  @Test
  void setup_joins_the_server_it_is_told_of_and_quotes_a_key_with_a_dollar() throws Exception {
    Result setup =
        run(
            "setup.sh",
            Map.of("FIREBASE_PROJECT_ID", "acme-fees"),
            "--env-only",
            "--join",
            "wppconnect-cli",
            "--wppconnect-url",
            "http://wppconnect:21465",
            "--secret-key",
            "My$ecretKey");

    assertThat(setup.exit()).as(setup.output()).isZero();
    assertThat(Files.readString(repo.resolve(".env")))
        .containsPattern("(?m)^COMPOSE_PROFILES=$")
        .containsPattern("(?m)^WPPCONNECT_SERVER_URL=http://wppconnect:21465$")
        .containsPattern("(?m)^WPPCONNECT_SECRET_KEY='My\\$ecretKey'$")
        .containsPattern("(?m)^FIREBASE_PROJECT_ID=acme-fees$");
    assertThat(setup.output())
        .contains("http://fees-automation:8081/webhooks/wppconnect/<WEBHOOK_SECRET from .env>");
  }

  private record Result(int exit, String output) {}

  private Result run(String script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/" + script));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> environment = builder.environment();
    for (String name :
        List.of(
            "SETUP_MODE",
            "WPPCONNECT_NETWORK",
            "WPPCONNECT_SERVER_URL",
            "WPPCONNECT_SECRET_KEY",
            "FIREBASE_PROJECT_ID")) {
      environment.remove(name);
    }
    environment.put("PATH", repo.resolve("bin") + ":" + System.getenv("PATH"));
    environment.put("DOCKER_LOG", log.toString());
    environment.put("READY_TIMEOUT", "5");
    environment.putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private List<String> dockerCalls() throws IOException {
    return Files.readAllLines(log);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
