package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code daemon} as a process: one bad setting is one line naming it, exit code 2. */
class DaemonConfigErrorsIT {

  @TempDir Path workDir;

  @ParameterizedTest
  @CsvSource({
    "MAX_ATTEMPTS, three",
    "HTTP_PORT, 99999",
    "REDIS_URL, http://x",
    "LOG_FILE, /dev/null/fees.log"
  })
  void a_bad_variable_is_one_line_naming_it_and_exit_2(String variable, String value)
      throws Exception {
    // given otherwise complete settings (nothing is contacted before they are checked)
    Map<String, String> env = new HashMap<>();
    env.put("WPPCONNECT_SERVER_URL", "http://127.0.0.1:9");
    env.put("WPPCONNECT_SECRET_KEY", "THISISMYSECURETOKEN");
    env.put("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9");
    env.put("FIREBASE_PROJECT_ID", "demo-fees-automation");
    env.put("REDIS_URL", "redis://127.0.0.1:6379/11");
    env.put(variable, value);

    // when
    JarProcess daemon = JarProcess.run(workDir, Duration.ofSeconds(30), env, "daemon");

    // then
    assertThat(daemon.exitCode()).as(daemon.err()).isEqualTo(2);
    String err = daemon.err();
    assertThat(Arrays.stream(err.split("\\R")).filter(line -> line.contains(variable)))
        .as(err)
        .hasSize(1);
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(daemon.out()).doesNotContain("Exception");
  }
}
