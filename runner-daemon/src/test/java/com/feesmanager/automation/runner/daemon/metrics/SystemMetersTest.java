package com.feesmanager.automation.runner.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM, process and system meters on the daemon's scrape (docs/operations-metrics.md). */
class SystemMetersTest {

  @TempDir Path dir;

  @Test
  void the_scrape_shows_jvm_process_and_system_meters_beside_the_daemons_own() {
    // given
    DaemonMetrics metrics = new DaemonMetrics();

    // when
    try (SystemMeters meters = SystemMeters.bindTo(metrics.registry())) {
      System.gc(); // a collection for the GC meters to have seen
      String scrape = metrics.scrape();

      // then
      assertThat(scrape)
          .contains("jvm_memory_used_bytes{area=\"heap\"")
          .contains("jvm_memory_max_bytes{area=\"nonheap\"")
          .contains("jvm_gc_")
          .contains("jvm_threads_live_threads ")
          .contains("jvm_classes_loaded_classes ")
          .contains("process_cpu_usage ")
          .contains("process_uptime_seconds ")
          .contains("process_files_open_files ")
          .contains("system_cpu_count ")
          .contains("system_load_average_1m ");
      if (Files.isReadable(SystemMeters.STATM)) {
        assertThat(scrape).containsPattern("(?m)^process_resident_memory_bytes [1-9][0-9.E]+$");
      }
    }
  }

  @Test
  void resident_memory_is_the_second_statm_field_in_pages() throws Exception {
    Path statm = Files.writeString(dir.resolve("statm"), "61234 5000 1200 9 0 30000 0\n");

    assertThat(SystemMeters.residentBytes(statm)).isEqualTo(5000.0 * 4096);
  }

  @Test
  void an_unreadable_statm_is_not_a_number_rather_than_an_error() throws Exception {
    Path statm = Files.writeString(dir.resolve("statm"), "garbage");

    assertThat(SystemMeters.residentBytes(statm)).isNaN();
    assertThat(SystemMeters.residentBytes(dir.resolve("missing"))).isNaN();
  }
}
