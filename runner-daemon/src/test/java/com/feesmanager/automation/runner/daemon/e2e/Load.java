package com.feesmanager.automation.runner.daemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, printed beside every benchmark figure (the cores are shared). */
final class Load {

  private Load() {}

  /** "1.23 0.98 0.75" (1, 5 and 15 minutes), or "unknown" off Linux. */
  static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
