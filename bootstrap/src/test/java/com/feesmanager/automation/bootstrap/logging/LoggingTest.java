package com.feesmanager.automation.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.feesmanager.automation.bootstrap.config.LogLevel;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** Each test logs through its own logback context, so the process's logging is left alone. */
class LoggingTest {

  private static final String PHONE = "923001234567";
  private static final String MASKED = "92300*****67";

  @TempDir Path dir;

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    // A context of one's own needs the MDC adapter that SLF4J's initialisation would have set.
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    context.stop();
    System.setErr(originalErr);
  }

  private List<String> stderrLines() {
    return stderr.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static Map<String, Object> json(String line) {
    return new GsonBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .create()
        .fromJson(line, new TypeToken<Map<String, Object>>() {});
  }

  private void configureFromLogbackXml(String level, String format) throws JoranException {
    if (level != null) {
      context.putProperty("LOG_LEVEL", level);
    }
    if (format != null) {
      context.putProperty("LOG_FORMAT", format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL xml = LoggingTest.class.getResource("/logback.xml");
    assertThat(xml).isNotNull();
    configurator.doConfigure(xml);
    // A warning or error here would also be dumped on stderr at every start of the process.
    assertThat(new StatusUtil(context).getHighestLevel(0)).isLessThan(Status.WARN);
  }

  @Test
  void logback_xml_writes_one_masked_text_line_per_event_to_stderr_at_info_by_default()
      throws JoranException {
    // given
    configureFromLogbackXml(null, null);
    Logger log = context.getLogger("com.feesmanager.automation.Test");

    // when
    log.debug("hidden at info");
    log.info("sent to {} and +{}", PHONE, "923331112299");

    // then
    assertThat(stderrLines())
        .singleElement()
        .asString()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[.+\\] .+")
        .endsWith("- sent to " + MASKED + " and +92333*****99")
        .doesNotContain(PHONE);
  }

  @Test
  void logback_xml_honours_log_level_and_holds_libraries_at_warn() throws JoranException {
    // given
    configureFromLogbackXml("debug", null);

    // when
    context.getLogger("com.feesmanager.automation.Test").debug("ours at debug");
    context.getLogger("io.grpc.netty.Something").info("library at info");
    context.getLogger("io.lettuce.core.Something").warn("library at warn");

    // then
    assertThat(stderrLines())
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("DEBUG").endsWith("ours at debug"))
        .anySatisfy(line -> assertThat(line).contains("WARN").endsWith("library at warn"));
  }

  @Test
  void logback_xml_writes_masked_json_when_log_format_is_json() throws Exception {
    // given
    configureFromLogbackXml(null, "JSON");

    // when
    context
        .getLogger("com.feesmanager.automation.Test")
        .warn("failed for {}", PHONE, new IllegalStateException("gateway refused " + PHONE));

    // then
    List<String> lines = stderrLines();
    assertThat(lines).singleElement().asString().doesNotContain(PHONE);
    Map<String, Object> event = json(lines.get(0));
    assertThat(event)
        .containsEntry("level", "WARN")
        .containsEntry("loggerName", "com.feesmanager.automation.Test")
        .containsEntry("formattedMessage", "failed for " + MASKED)
        .containsKeys("timestamp", "threadName", "throwable")
        .doesNotContainKeys("message", "arguments", "context");
    assertThat(event.get("timestamp").toString()).matches("\\d{13}");
    assertThat(event.get("throwable").toString()).contains("gateway refused " + MASKED);
  }

  @Test
  void configure_applies_level_json_and_a_log_file() throws Exception {
    // given
    Path file = dir.resolve("automation.log");
    Logging.configure(context, LogLevel.WARN, Optional.of(file), true);
    Logger log = context.getLogger("com.feesmanager.automation.Test");

    // when
    log.info("hidden at warn");
    log.error("dead letter for {}", "+" + PHONE);

    // then
    List<String> fileLines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(fileLines).isEqualTo(stderrLines()).hasSize(1);
    assertThat(json(fileLines.get(0)))
        .containsEntry("level", "ERROR")
        .containsEntry("formattedMessage", "dead letter for +" + MASKED);
    assertThat(fileLines.get(0)).doesNotContain(PHONE);
  }

  @Test
  void configure_replaces_earlier_appenders_and_masks_text_and_exceptions() throws Exception {
    // given
    configureFromLogbackXml(null, "json");
    Logging.configure(context, LogLevel.DEBUG, Optional.empty(), false);
    Logger log = context.getLogger("com.feesmanager.automation.Test");

    // when
    log.debug("to {}", PHONE);
    log.warn("send failed", new IllegalStateException("no such number " + PHONE));
    context.getLogger("io.netty.Channel").info("library noise");

    // then
    String output = stderr.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .doesNotContain(PHONE)
        .doesNotContain("{\"")
        .doesNotContain("library noise")
        .contains("DEBUG")
        .contains("- to " + MASKED)
        .contains("java.lang.IllegalStateException: no such number " + MASKED);
  }

  @Test
  void configure_holds_libraries_at_the_root_level_when_stricter_than_warn() {
    // given
    Logging.configure(context, LogLevel.ERROR, Optional.empty(), false);

    // when
    context.getLogger("io.grpc.Channel").warn("library warning");

    // then
    assertThat(stderrLines()).isEmpty();
  }

  @Test
  void the_log_file_rolls_over_at_its_size_into_gzipped_files_beside_it() throws Exception {
    // given a 1 KiB limit
    Path file = dir.resolve("automation.log");
    Logging.configure(
        context, LogLevel.INFO, Optional.of(file), false, new LogRotation(1024, 14, 64 * 1024));
    Logger log = context.getLogger("com.feesmanager.automation.Test");

    // when some 10 KiB of lines are written
    for (int i = 0; i < 100; i++) {
      log.info("line {} for {} {}", i, PHONE, "x".repeat(60));
    }
    context.stop(); // waits for the compression of the last rolled file

    // then
    List<Path> rolled;
    try (var files = Files.list(dir)) {
      rolled =
          files
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .matches("automation\\.log\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.gz"))
              .toList();
    }
    assertThat(rolled).hasSizeGreaterThan(1);
    assertThat(Files.size(file)).isLessThan(2048);
    String lastRolled =
        new String(
            new java.util.zip.GZIPInputStream(Files.newInputStream(rolled.get(0))).readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(lastRolled).contains("line ").contains(MASKED).doesNotContain(PHONE);
  }

  @Test
  void a_rotation_that_keeps_nothing_or_caps_below_one_file_is_refused() {
    assertThatThrownBy(() -> new LogRotation(1024, 0, 4096))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogRotation(4096, 14, 1024))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configure_fails_on_a_log_file_it_cannot_open() throws IOException {
    Path notAFile = Files.createDirectory(dir.resolve("logs"));

    assertThatThrownBy(
            () -> Logging.configure(context, LogLevel.INFO, Optional.of(notAFile), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("log file");
  }

  @Test
  void the_masking_pattern_words_mask_message_and_stack_trace() {
    // given
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("maskedMsg", MaskedMessageConverter::new);
    layout.getInstanceConverterMap().put("maskedEx", MaskedThrowableConverter::new);
    layout.setPattern("%level %maskedMsg%n%maskedEx");
    layout.start();
    ch.qos.logback.classic.Logger logger = context.getLogger("t");
    LoggingEvent event =
        new LoggingEvent(
            "t",
            logger,
            Level.WARN,
            "to {}",
            new IllegalStateException("refused " + PHONE),
            new Object[] {PHONE});

    // when
    String line = layout.doLayout(event);

    // then
    assertThat(line)
        .startsWith("WARN to " + MASKED)
        .contains("IllegalStateException: refused " + MASKED)
        .doesNotContain(PHONE);
  }

  @Test
  void the_startup_configurator_applies_the_same_set_up_in_code() {
    // given
    System.setProperty("LOG_FORMAT", "json");
    try {
      // when
      new StartupConfigurator().configure(context);
    } finally {
      System.clearProperty("LOG_FORMAT");
    }
    context.getLogger("com.feesmanager.automation.Test").info("to {}", PHONE);
    context.getLogger("io.lettuce.core.Something").info("library noise");

    // then
    assertThat(stderrLines())
        .singleElement()
        .asString()
        .startsWith("{")
        .contains("\"formattedMessage\":\"to " + MASKED + "\"");
  }
}
