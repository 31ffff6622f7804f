package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.adapters.firestore.FirestoreConnection;
import com.feesmanager.automation.adapters.http.JsonText;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.wppconnect.WppConnectGateway;
import com.feesmanager.automation.bootstrap.FirestoreSettings;
import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.ConfigLoader;
import com.feesmanager.automation.bootstrap.wiring.ServerClients;
import com.feesmanager.automation.ports.out.SessionState;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check}: is the configuration valid, and can this process reach Redis, Firestore and
 * wppconnect-server (SPEC §8)? Every part is checked on its own, whatever the others answer, and
 * reported on one line of stdout (log lines go to stderr); exit 0 when all are fine, 1 when a
 * server cannot be reached, 2 when the configuration is invalid (then the servers are not tried). A
 * server URL that answers with something other than wppconnect-server's API (an HTML 404 page) is
 * named: {@code wppconnect GATEWAY_MISCONFIGURED … WPPCONNECT_SERVER_URL …}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check the configuration and that Redis, Firestore and wppconnect-server can be reached:"
            + " one line each, exit 0 when all are fine, 1 when one cannot be reached, 2 when the"
            + " configuration is invalid (docs/configuration.md).")
final class CheckCli implements Callable<Integer> {

  /** What one part answered. */
  enum Status {
    OK,
    INVALID,
    UNREACHABLE,
    GATEWAY_MISCONFIGURED,
    NOT_CHECKED
  }

  /** One line of the report. */
  record Part(String part, Status status, boolean ok, String detail) {
    static Part of(String part, Status status, String detail) {
      return new Part(part, status, status == Status.OK, detail);
    }

    String line() {
      return String.format("%-13s %s  %s", part, status, detail);
    }
  }

  /** {@code check --json}: {@code {"ok", "parts":[{"part", "status", "ok", "detail"}]}}. */
  static JsonObject json(boolean ok, List<Part> parts) {
    JsonArray lines = new JsonArray(parts.size());
    for (Part part : parts) {
      JsonObject line = new JsonObject();
      line.addProperty("part", part.part());
      line.addProperty("status", part.status().name());
      line.addProperty("ok", part.ok());
      line.addProperty("detail", part.detail());
      lines.add(line);
    }
    JsonObject report = new JsonObject();
    report.addProperty("ok", ok);
    report.add("parts", lines);
    return report;
  }

  @Option(names = "--json", description = "Print JSON instead of text (docs/commands.md).")
  boolean json;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Part> parts = new ArrayList<>();
    Optional<AutomationConfig> config = configuration(parts);
    config.ifPresent(
        valid -> {
          parts.add(redis(valid));
          parts.add(firestore(valid));
          parts.add(wppconnect(valid));
        });
    if (config.isEmpty()) {
      for (String part : List.of("redis", "firestore", "wppconnect")) {
        parts.add(Part.of(part, Status.NOT_CHECKED, "the configuration is invalid"));
      }
    }
    boolean ok = parts.stream().allMatch(Part::ok);
    if (json) {
      out.println(JsonText.of(json(ok, parts)));
    } else {
      parts.forEach(part -> out.println(part.line()));
    }
    return config.isEmpty() ? 2 : ok ? 0 : 1;
  }

  private Optional<AutomationConfig> configuration(List<Part> parts) {
    try {
      AutomationConfig config =
          ServerRuntime.config(environment.variables(), ConfigLoader.Mode.SERVER);
      ServerRuntime.configureLogging(config);
      parts.add(Part.of("configuration", Status.OK, "environment and .env"));
      return Optional.of(config);
    } catch (UsageProblem e) {
      // one line for the part: the problems, each naming its variable, side by side
      parts.add(
          Part.of("configuration", Status.INVALID, e.getMessage().replace("\nerror: ", "; ")));
      return Optional.empty();
    }
  }

  private static Part redis(AutomationConfig config) {
    String where = config.redisUrl().toString();
    try (RedisConnection redis = RedisConnection.open(ServerClients.redisSettings(config))) {
      return redis.isReachable()
          ? Part.of("redis", Status.OK, where)
          : Part.of("redis", Status.UNREACHABLE, where + ": no answer to PING");
    } catch (RuntimeException e) {
      return Part.of("redis", Status.UNREACHABLE, where + ": " + e.getMessage());
    }
  }

  private static Part firestore(AutomationConfig config) {
    try (FirestoreConnection firestore =
        FirestoreConnection.open(
            FirestoreSettings.from(config),
            ServerClients.accountDefaults(config),
            Clock.systemUTC())) {
      int accounts = firestore.accountDirectory().enabledAccounts().accounts().size();
      return Part.of("firestore", Status.OK, accounts + " enabled account(s)");
    } catch (RuntimeException e) {
      return Part.of("firestore", Status.UNREACHABLE, e.getMessage());
    }
  }

  private static Part wppconnect(AutomationConfig config) {
    String session = config.wppconnect().defaultSession();
    String where = config.wppconnect().serverUrl().toString();
    try (WppConnectGateway gateway =
        new WppConnectGateway(ServerClients.wppconnectConfig(config))) {
      SessionState state = gateway.sessionState(session);
      Optional<String> wrongUrl = gateway.misconfiguration(session);
      if (wrongUrl.isPresent()) {
        return Part.of("wppconnect", Status.GATEWAY_MISCONFIGURED, where + ": " + wrongUrl.get());
      }
      return Part.of(
          "wppconnect",
          state == SessionState.UNREACHABLE ? Status.UNREACHABLE : Status.OK,
          where + " session '" + session + "' is " + state);
    } catch (RuntimeException e) {
      return Part.of("wppconnect", Status.UNREACHABLE, where + ": " + e.getMessage());
    }
  }
}
