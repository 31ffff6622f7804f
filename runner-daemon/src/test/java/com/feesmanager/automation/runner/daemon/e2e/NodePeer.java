package com.feesmanager.automation.runner.daemon.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's Node stack as a daemon (scripts/peers/daemon-peer.cjs, issue 16), run against this
 * stack's emulator and Redis: it loads every enabled account's students, idles, runs the GC and
 * prints its resident memory. Installed by scripts/bench-footprint.sh, which names it with {@code
 * -Dbench.nodePeer=<path>}.
 */
final class NodePeer {

  private static final Pattern RSS = Pattern.compile("peer_rss_kib=(\\d+)");

  private NodePeer() {}

  /** The peer's VmRSS in KiB after a GC, or empty (with the reason printed) when it failed. */
  static Optional<Long> residentKib(Path script, Map<String, String> stackEnv)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("node", "--expose-gc", script.toString()))
            .redirectErrorStream(true);
    for (String name : List.of("FIRESTORE_EMULATOR_HOST", "FIREBASE_PROJECT_ID", "REDIS_URL")) {
      builder.environment().put(name, stackEnv.get(name));
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    Matcher rss = RSS.matcher(output);
    if (process.exitValue() != 0 || !rss.find()) {
      System.out.println("peer failed: " + output.strip());
      return Optional.empty();
    }
    System.out.println("peer: " + output.strip() + ", load " + Load.now());
    return Optional.of(Long.parseLong(rss.group(1)));
  }
}
