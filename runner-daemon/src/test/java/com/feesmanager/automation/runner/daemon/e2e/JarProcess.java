package com.feesmanager.automation.runner.daemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded jar started as a separate process, its output captured in files. */
final class JarProcess implements AutoCloseable {

  /** The build's jar, or {@code -Dbench.jar=…} for an A/B benchmark against another build. */
  static final Path JAR =
      Path.of(
              System.getProperty("bench.jar", "").isBlank()
                  ? "target/fees-automation.jar"
                  : System.getProperty("bench.jar"))
          .toAbsolutePath();

  /** The JVM flags of the tests: a quick start; benchmarks pass the image's flags instead. */
  static final List<String> TEST_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private JarProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code java -jar fees-automation.jar args} with exactly {@code env}. */
  /**
   * The java launcher of the jar's processes: the build's own, or {@code -Dbench.java=…} for a
   * benchmark on another runtime (issue 16: Java 25).
   */
  static String java() {
    String chosen = System.getProperty("bench.java", "").trim();
    return chosen.isEmpty()
        ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
        : chosen;
  }

  static JarProcess start(Path workDir, Map<String, String> env, String... args) {
    return start(workDir, env, TEST_JVM_FLAGS, args);
  }

  /** Starts {@code java jvmFlags -jar fees-automation.jar args} with exactly {@code env}. */
  static JarProcess start(
      Path workDir, Map<String, String> env, List<String> jvmFlags, String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the package phase first");
    }
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(workDir);
      Path out = Files.createTempFile(workDir, args[0] + "-", ".out");
      Path err = Files.createTempFile(workDir, args[0] + "-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      // Exactly the given settings: nothing leaks in from the build's environment.
      builder.environment().clear();
      builder.environment().putAll(env);
      return new JarProcess(String.join(" ", args), builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to completion within {@code timeout}; returns the exit code. */
  static JarProcess run(Path workDir, Duration timeout, Map<String, String> env, String... args)
      throws InterruptedException {
    return run(workDir, timeout, env, TEST_JVM_FLAGS, args);
  }

  /** Runs with {@code jvmFlags} to completion within {@code timeout}. */
  static JarProcess run(
      Path workDir,
      Duration timeout,
      Map<String, String> env,
      List<String> jvmFlags,
      String... args)
      throws InterruptedException {
    JarProcess process = start(workDir, env, jvmFlags, args);
    if (!process.waitFor(timeout)) {
      process.close();
      throw new AssertionError(
          String.join(" ", args) + " did not finish within " + timeout + ": " + process.err());
    }
    return process;
  }

  boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  int exitCode() {
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  /** Copies this process's stdout and stderr files into {@code dir}, under their own names. */
  void copyOutputs(Path dir) throws IOException {
    for (Path file : List.of(out, err)) {
      if (Files.exists(file)) {
        Files.copy(
            file,
            dir.resolve(file.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
