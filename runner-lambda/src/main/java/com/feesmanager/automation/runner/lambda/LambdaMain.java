package com.feesmanager.automation.runner.lambda;

import com.feesmanager.automation.bootstrap.ProcessExit;
import com.feesmanager.automation.bootstrap.Tick;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * External cron's entry point: one tick ({@code [--at INSTANT] [--max-seconds N]}), the SPEC §8
 * exit code (0 ok, 1 attention needed, 2 configuration), then an explicit exit.
 */
public final class LambdaMain {

  private LambdaMain() {}

  /** Runs one tick and exits with its code. */
  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.getenv());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = 1;
    }
    // The clients are closed by now, but gRPC's non-daemon threads (when something was due) can
    // hold the JVM for about a second more, and the JDK HTTP clients' selectors 300 ms; cron
    // wants the code now.
    ProcessExit.exit(code);
  }

  static int run(String[] args, Map<String, String> environment) throws InterruptedException {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    TickRequest request;
    try {
      request = TickRequest.from(options(args), Optional.empty());
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: fees-automation-lambda [--at INSTANT] [--max-seconds N]");
      return 2;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Tick.Report report = Tick.run(environment, request.clock(), request.budget(), out);
    if (!report.error().isEmpty()) {
      err.println("error: " + report.error());
    }
    return report.exitCode();
  }

  private static Map<String, Object> options(String[] args) {
    Map<String, Object> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name =
          switch (args[i]) {
            case "--at" -> "at";
            case "--max-seconds" -> "maxSeconds";
            default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
          };
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      options.put(name, args[++i]);
    }
    return options;
  }
}
