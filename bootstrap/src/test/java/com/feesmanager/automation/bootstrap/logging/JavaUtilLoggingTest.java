package com.feesmanager.automation.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.bootstrap.config.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging (gRPC's) reaches logback. The bridge is process-wide, so this test uses the
 * process's logging, configured as at start-up (INFO, text, stderr), which it leaves that way.
 */
class JavaUtilLoggingTest {

  private static final String PHONE = "923001234567";
  private static final String MASKED = "92300*****67";

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  private List<String> stderrLines() {
    return stderr.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void a_jul_record_is_written_by_logback_in_its_format_with_phones_masked() {
    // given
    Logging.configure(LogLevel.INFO, Optional.empty(), false);
    Logger grpc = Logger.getLogger("io.grpc.internal.ManagedChannelImpl");

    // when
    grpc.log(
        Level.WARNING,
        "channel for " + PHONE + " failed",
        new IllegalStateException("refused " + PHONE));

    // then one logback line (not JUL's two-line console format), masked, with the stack trace
    String output = stderr.toString(StandardCharsets.UTF_8);
    assertThat(stderrLines().get(0))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ WARN  \\[.+\\] .+")
        .contains("io.grpc.internal.ManagedChannelImpl")
        .endsWith("- channel for " + MASKED + " failed");
    assertThat(output)
        .contains("java.lang.IllegalStateException: refused " + MASKED)
        .doesNotContain(PHONE);
  }

  @Test
  void logback_levels_reach_jul_so_records_it_would_drop_are_never_created() {
    // given
    Logging.configure(LogLevel.INFO, Optional.empty(), false);
    Logger grpc = Logger.getLogger("io.grpc.netty.NettyClientHandler");
    Logger ours = Logger.getLogger("com.feesmanager.automation.SomethingOnJul");

    // when
    grpc.info("library chatter, held at WARN");
    ours.fine("below INFO");
    ours.info("ours at INFO");

    // then
    assertThat(grpc.isLoggable(Level.INFO)).isFalse();
    assertThat(grpc.isLoggable(Level.WARNING)).isTrue();
    assertThat(ours.isLoggable(Level.FINE)).isFalse();
    assertThat(stderrLines()).singleElement().asString().endsWith("- ours at INFO");
  }
}
