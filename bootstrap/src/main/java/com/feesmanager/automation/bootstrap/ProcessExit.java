package com.feesmanager.automation.bootstrap;

import java.util.regex.Pattern;

/**
 * Ends a one-shot process with its exit code at once. HotSpot's exit waits up to 300 ms for threads
 * running native code to block (VM_Exit, {@code UserThreadWaitAttemptsAtExit}); the JDK HTTP
 * client's selector threads sit in {@code epoll_wait}, so every command that had built one
 * (Firestore over REST, the wppconnect client) spent a third of a second idle before exiting: a
 * third of a cold tick's wall time (issue 16). Java 17's client has no way to stop that thread
 * ({@code HttpClient.close} came in 21); an interrupt ends its loop.
 */
public final class ProcessExit {

  /** The JDK's name for an HTTP client's selector thread ({@code HttpClientImpl}). */
  static final Pattern HTTP_SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");

  private ProcessExit() {}

  /**
   * Exits with {@code code}. Only when the work is over and every client is closed: an HTTP request
   * still in flight would fail.
   */
  public static void exit(int code) {
    endHttpSelectors();
    System.exit(code);
  }

  /** Interrupts the selector thread of every JDK HTTP client in this process. */
  static void endHttpSelectors() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (HTTP_SELECTOR.matcher(thread.getName()).matches()) {
        thread.interrupt();
      }
    }
  }
}
