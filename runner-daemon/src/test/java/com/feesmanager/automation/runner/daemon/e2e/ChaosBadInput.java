package com.feesmanager.automation.runner.daemon.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 6 of the chaos suite: the {@link ChaosCorpus} of broken documents in Firestore beside a
 * sound account, malformed webhook bodies while the daemon delivers, and bad environment values.
 * The sound account must be served exactly as if nothing else existed; every broken document must
 * show in its account's heartbeat {@code problems}, every bad body must be answered (never a 5xx, a
 * dropped connection or a dead daemon), and every bad variable must stop the daemon with one line
 * naming it (exit 2).
 */
final class ChaosBadInput {

  private final ChaosPlan plan;
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  ChaosBadInput(ChaosPlan plan, Path dir) {
    this.plan = plan;
    this.dir = dir;
  }

  ChaosTally run() throws Exception {
    try (E2eStack stack = E2eStack.start(dir, ChaosScenarios.REDIS_AOF)) {
      stack.whatsapp.slowSends(Duration.ofMillis(100), Duration.ofMillis(200));
      List<String> findings = new ArrayList<>();
      E2eAccount sound = E2eAccount.dueThisMinute(plan.recipients());
      stack.importAccount(sound);
      E2eAccount broken = E2eAccount.dueThisMinute(0);
      stack.importAccount(broken);
      ChaosCorpus corpus = new ChaosCorpus(broken.uid());
      corpus.documents().forEach(stack::write);
      Instant first = Instant.now();

      int port = E2eStack.freePort();
      Map<String, String> env = stack.env(port);
      plan.visibilityTimeout()
          .ifPresent(timeout -> env.put("VISIBILITY_TIMEOUT", timeout.toString()));
      JarProcess daemon = stack.startDaemon(env);
      for (String body : ChaosCorpus.webhookBodies()) {
        int status = post(port, body);
        if (status < 200 || status >= 500) {
          findings.add("webhook body " + abbreviate(body) + " answered " + status);
        }
      }
      if (!daemon.isAlive() || stack.get(port, "/health/live").isEmpty()) {
        findings.add("the daemon did not survive the webhook bodies: " + daemon.err());
      }
      findings.addAll(badVariables(stack));
      Instant last = Instant.now();

      ChaosTally tally = new ChaosWatch(stack, List.of(sound)).tally("6 bad input", first, last);
      findings.addAll(problemsShown(stack, broken.uid(), corpus));
      findings.addAll(accountsShown(stack, corpus));
      return tally.withFindings(findings);
    }
  }

  /** Each bad value stops a daemon with exit 2 and one line naming the variable. */
  private List<String> badVariables(E2eStack stack) throws Exception {
    List<String> findings = new ArrayList<>();
    for (Map.Entry<String, String> bad : ChaosCorpus.badVariables().entrySet()) {
      Map<String, String> env = stack.env(E2eStack.freePort());
      env.put(bad.getKey(), bad.getValue());
      JarProcess daemon = JarProcess.run(dir, Duration.ofSeconds(60), env, "daemon");
      String err = daemon.err();
      long naming = Arrays.stream(err.split("\\R")).filter(l -> l.contains(bad.getKey())).count();
      if (daemon.exitCode() != 2 || naming != 1 || err.contains("\tat ")) {
        findings.add(
            bad.getKey()
                + "="
                + abbreviate(bad.getValue())
                + ": exit "
                + daemon.exitCode()
                + ", "
                + naming
                + " line(s) naming it: "
                + abbreviate(err));
      }
    }
    return findings;
  }

  /** Every broken student and rule of the account is named in its heartbeat's problems. */
  private static List<String> problemsShown(E2eStack stack, String uid, ChaosCorpus corpus)
      throws InterruptedException {
    Map<String, Object> problems = new LinkedHashMap<>();
    try {
      E2eStack.await(
          "the broken account's problems",
          Duration.ofSeconds(90),
          () -> {
            problems.clear();
            stack
                .document("users/" + uid + "/automation/status")
                .map(doc -> doc.get("problems"))
                .filter(List.class::isInstance)
                .ifPresent(list -> problems.put("problems", list));
            String text = String.valueOf(problems.get("problems"));
            return corpus.namedIds().stream().allMatch(text::contains);
          });
      return List.of();
    } catch (AssertionError e) {
      String text = String.valueOf(problems.get("problems"));
      return corpus.namedIds().stream()
          .filter(id -> !text.contains(id))
          .map(id -> "broken document " + id + " is not in the heartbeat's problems")
          .toList();
    }
  }

  /**
   * Every broken account document has its heartbeat: DOCUMENT_UNREADABLE in its problems when it
   * cannot be understood, an ordinary one when it is read by design.
   */
  private static List<String> accountsShown(E2eStack stack, ChaosCorpus corpus)
      throws InterruptedException {
    List<String> missing = new ArrayList<>();
    try {
      E2eStack.await(
          "the broken accounts' heartbeats",
          Duration.ofSeconds(90),
          () -> {
            missing.clear();
            for (String id : corpus.unreadableAccountIds()) {
              String problems = heartbeatProblems(stack, id).orElse("");
              if (!problems.contains("DOCUMENT_UNREADABLE")) {
                missing.add(
                    "broken account "
                        + id
                        + " has no heartbeat with DOCUMENT_UNREADABLE: "
                        + abbreviate(problems));
              }
            }
            for (String id : corpus.understoodAccountIds()) {
              if (heartbeatProblems(stack, id).isEmpty()) {
                missing.add("odd account " + id + " has no heartbeat");
              }
            }
            return missing.isEmpty();
          });
      return List.of();
    } catch (AssertionError e) {
      return List.copyOf(missing);
    }
  }

  /** The heartbeat's problems as text; empty when the account has no heartbeat. */
  private static Optional<String> heartbeatProblems(E2eStack stack, String uid) {
    return stack
        .document("users/" + uid + "/automation/status")
        .map(doc -> String.valueOf(doc.get("problems")));
  }

  private int post(int port, String body) throws IOException, InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/webhooks/wppconnect/"
                              + E2eStack.WEBHOOK_SECRET))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private static String abbreviate(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
