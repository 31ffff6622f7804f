package com.feesmanager.automation.runner.daemon.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on stderr, so stdout stays the command's
 * report even when both go to one terminal.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  /** Redraws the bar; the last step ends the line. */
  void show(int done, int total) {
    err.print("\r" + line(label, done, total));
    if (done >= total) {
      err.println();
    }
    err.flush();
  }

  /** {@code academy-1 [#########.....................] 1000/3001 documents}. */
  static String line(String label, int done, int total) {
    int filled = total <= 0 ? WIDTH : (int) ((long) WIDTH * Math.min(done, total) / total);
    return String.format(
        "%s [%s%s] %5d/%d documents",
        label, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
  }
}
