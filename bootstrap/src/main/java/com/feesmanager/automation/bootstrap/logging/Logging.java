package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import com.feesmanager.automation.bootstrap.config.LogLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Applies the configured logging (SPEC §7 {@code LOG_LEVEL}, {@code LOG_FILE}, and the {@code
 * LOG_FORMAT} extension) over the start-up defaults of {@code logback.xml}.
 */
public final class Logging {

  /** Chatty client libraries, held at WARN (or the root level when that is stricter). */
  static final List<String> LIBRARIES =
      List.of(
          "io.grpc",
          "io.netty",
          "io.lettuce",
          "redis.clients.jedis",
          "reactor",
          "com.google.cloud.firestore",
          "com.google.api",
          "com.google.auth",
          "org.apache.http");

  private Logging() {}

  /**
   * Replaces the appenders of the root logger: stderr always, and {@code logFile} (appended to,
   * rolled over as {@link LogRotation#DEFAULT} says) when present, both text or both JSON.
   *
   * @throws IllegalStateException when SLF4J is not bound to logback or the file cannot be opened
   */
  public static void configure(LogLevel level, Optional<Path> logFile, boolean json) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException(
          "SLF4J is bound to " + factory.getClass().getName() + ", not logback");
    }
    configure(context, level, logFile, json, LogRotation.DEFAULT);
  }

  static void configure(
      LoggerContext context, LogLevel level, Optional<Path> logFile, boolean json) {
    configure(context, level, logFile, json, LogRotation.DEFAULT);
  }

  static void configure(
      LoggerContext context,
      LogLevel level,
      Optional<Path> logFile,
      boolean json,
      LogRotation rotation) {
    Objects.requireNonNull(context, "'context' must not be null");
    Objects.requireNonNull(level, "'level' must not be null");
    Objects.requireNonNull(logFile, "'logFile' must not be null");
    routeJavaUtilLogging(context);
    Level rootLevel = Level.toLevel(level.name());
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(rootLevel);
    Level libraryLevel = rootLevel.isGreaterOrEqual(Level.WARN) ? rootLevel : Level.WARN;
    for (String library : LIBRARIES) {
      context.getLogger(library).setLevel(libraryLevel);
    }

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    // stdout carries command output (preview --json, status); logs never mix into it.
    console.setTarget("System.err");
    root.addAppender(started(console, "console", context, json));
    if (logFile.isPresent()) {
      RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
      file.setContext(context);
      file.setFile(logFile.get().toString());
      file.setAppend(true);
      file.setPrudent(false);
      file.setRollingPolicy(rollingPolicy(context, file, logFile.get(), rotation));
      started(file, "file", context, json);
      if (!file.isStarted()) {
        throw new IllegalStateException("cannot open the log file " + logFile.get());
      }
      root.addAppender(file);
    }
  }

  /**
   * Rolls {@code file} daily and at the size limit into {@code <file>.<date>.<n>.gz} beside it. A
   * policy that cannot start (an unusable path) keeps the appender from starting, which {@link
   * #configure} reports naming the file.
   */
  private static SizeAndTimeBasedRollingPolicy<ILoggingEvent> rollingPolicy(
      LoggerContext context,
      RollingFileAppender<ILoggingEvent> appender,
      Path file,
      LogRotation rotation) {
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
    policy.setMaxFileSize(new FileSize(rotation.maxFileBytes()));
    policy.setMaxHistory(rotation.maxDays());
    policy.setTotalSizeCap(new FileSize(rotation.totalCapBytes()));
    policy.start();
    return policy;
  }

  /**
   * Sends java.util.logging records (gRPC's, under the Firestore client) into SLF4J, so they get
   * logback's format, levels and masking instead of JUL's own two-line stderr output. logback's
   * levels are copied onto the JUL loggers as they change, so a record logback would drop is not
   * even created (without that, every JUL call below WARN would cross the bridge to be discarded).
   * Idempotent.
   */
  static void routeJavaUtilLogging(LoggerContext context) {
    if (context.getCopyOfListenerList().stream()
        .noneMatch(LevelChangePropagator.class::isInstance)) {
      LevelChangePropagator propagator = new LevelChangePropagator();
      propagator.setContext(context);
      propagator.setResetJUL(true);
      context.addListener(propagator);
      propagator.start();
    }
    installJulBridge();
  }

  /** JUL's default console handler is replaced by the bridge; the handler is process-wide. */
  static synchronized void installJulBridge() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  private static OutputStreamAppender<ILoggingEvent> started(
      OutputStreamAppender<ILoggingEvent> appender,
      String name,
      LoggerContext context,
      boolean json) {
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder(context, json));
    appender.start();
    return appender;
  }

  static Encoder<ILoggingEvent> encoder(Context context, boolean json) {
    if (json) {
      MaskingJsonEncoder encoder = new MaskingJsonEncoder();
      encoder.setContext(context);
      encoder.start();
      return encoder;
    }
    TextLineLayout layout = new TextLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }
}
