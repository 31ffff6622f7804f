package com.feesmanager.automation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the outer ring stays made of small classes — no source file of the runners, {@code
 * bootstrap} or {@code adapters-http} over 250 lines, and the daemon's lifecycle under 150 — so a
 * class that grows past them is split when it grows, not in a later clean-up.
 */
class OuterRingSizeTest {

  private static final List<String> OUTER_MODULES =
      List.of("runner-daemon", "runner-lambda", "bootstrap", "adapters-http");

  private static final int MAX_LINES = 250;

  private static final Path DAEMON =
      Path.of(
          "../runner-daemon/src/main/java/com/feesmanager/automation/runner/daemon/Daemon.java");

  @Test
  void no_source_file_of_the_outer_ring_is_over_250_lines() {
    Map<String, Long> tooLong = new TreeMap<>();
    for (String module : OUTER_MODULES) {
      Path sources = Path.of("..", module, "src", "main", "java");
      assertThat(sources).as(module + " sources").isDirectory();
      try (Stream<Path> files = Files.walk(sources)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .forEach(
                f -> {
                  long lines = lines(f);
                  if (lines > MAX_LINES) {
                    tooLong.put(sources.relativize(f).toString(), lines);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(tooLong).as("files over " + MAX_LINES + " lines").isEmpty();
  }

  @Test
  void the_daemon_lifecycle_is_under_150_lines() {
    assertThat(lines(DAEMON)).isLessThan(150);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
