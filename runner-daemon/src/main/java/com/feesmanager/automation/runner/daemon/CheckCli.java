package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.InfrastructureException;
import com.feesmanager.automation.ports.out.SessionState;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code check}: can this process reach Redis, Firestore and wppconnect-server (SPEC §8)? Prints
 * one line per dependency; exit 0 when all are reachable, 1 otherwise. A server URL that answers
 * with something other than wppconnect-server's API (an HTML 404 page) is named: {@code wppconnect
 * GATEWAY_MISCONFIGURED … WPPCONNECT_SERVER_URL …}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check that Redis, Firestore and wppconnect-server can be reached.")
final class CheckCli implements Callable<Integer> {

  /** The environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    return ServerRuntime.run(
        environment,
        Clock.systemUTC(),
        (injector, config, clients) -> {
          boolean redis = clients.redis().isReachable();
          out.println("redis      " + (redis ? "OK" : "UNREACHABLE") + "  " + config.redisUrl());
          boolean firestore;
          String firestoreDetail;
          try {
            int accounts =
                injector.getInstance(AccountDirectory.class).enabledAccounts().accounts().size();
            firestore = true;
            firestoreDetail = accounts + " enabled account(s)";
          } catch (InfrastructureException e) {
            firestore = false;
            firestoreDetail = e.getMessage();
          }
          out.println("firestore  " + (firestore ? "OK" : "UNREACHABLE") + "  " + firestoreDetail);
          String session = config.wppconnect().defaultSession();
          SessionState state = clients.gateway().sessionState(session);
          Optional<String> wrongUrl = clients.gateway().misconfiguration(session);
          boolean gateway = state != SessionState.UNREACHABLE && wrongUrl.isEmpty();
          out.println(
              "wppconnect "
                  + (wrongUrl.isPresent()
                      ? "GATEWAY_MISCONFIGURED"
                      : gateway ? "OK" : "UNREACHABLE")
                  + "  "
                  + config.wppconnect().serverUrl()
                  + wrongUrl
                      .map(detail -> ": " + detail)
                      .orElse(" session '" + session + "' is " + state));
          return redis && firestore && gateway ? 0 : 1;
        });
  }
}
