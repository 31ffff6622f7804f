package com.feesmanager.automation.adapters.local.archfixture;

import com.google.gson.archfixture.GsonStandIn;
import java.io.PrintStream;
import java.util.logging.Logger;

/** Classes in the local adapter's package that obey or break the rules, for the rules' tests. */
public final class LocalAdapterFixtures {

  private LocalAdapterFixtures() {}

  /** Obeys every rule: Gson in an adapter, writing to a stream it is given. */
  public static final class SomeLocalAdapter {
    private final PrintStream out;
    public GsonStandIn json;

    public SomeLocalAdapter(PrintStream out) {
      this.out = out;
    }

    public void write(String line) {
      out.println(line);
    }
  }

  /** Breaks the standard-streams rule: an adapter prints to the console itself. */
  public static final class PrintsToTheConsole {
    public void write(String line) {
      System.out.println(line);
    }
  }

  /** Breaks the java.util.logging rule. */
  public static final class LogsWithJavaUtilLogging {
    private static final Logger LOG = Logger.getLogger("outbox");

    public void write(String line) {
      LOG.info(line);
    }
  }
}
