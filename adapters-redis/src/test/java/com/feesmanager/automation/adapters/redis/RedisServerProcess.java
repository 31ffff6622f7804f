package com.feesmanager.automation.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A redis-server child process on a spare loopback port and a temporary directory: data no other
 * test can touch. Reused by the daemon's end-to-end tests (test-jar).
 */
public final class RedisServerProcess implements AutoCloseable {

  final int port;
  final Path dir;
  private final List<String> options;
  private Process process;

  private RedisServerProcess(int port, Path dir, List<String> options) {
    this.port = port;
    this.dir = dir;
    this.options = options;
  }

  /** Starts redis-server with the extra {@code options}; fails if it is not installed. */
  public static RedisServerProcess start(Path dir, String... options) throws IOException {
    RedisServerProcess server = new RedisServerProcess(sparePort(), dir, List.of(options));
    server.startProcess();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  void startProcess() throws IOException {
    List<String> command = new ArrayList<>();
    command.add("redis-server");
    command.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            dir.toString(),
            "--save",
            ""));
    command.addAll(options);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    awaitPong(Duration.ofSeconds(10));
  }

  /** SIGKILL: no shutdown, no final save, as a crash or a power cut would do. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: redis-server flushes its AOF and exits, as a service stop or a deploy would. */
  public void terminate() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** Starts it again on the same port and directory (after {@link #terminate} or {@link #kill}). */
  public void restart() throws IOException {
    startProcess();
  }

  /** The process id of the running server. */
  public long pid() {
    return process.pid();
  }

  /** Sends a command over a raw socket and returns the first reply line. */
  public String command(String... words) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(2000);
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        request.append(word).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      int read = in.read(buffer);
      return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
    }
  }

  private void awaitPong(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
      }
      try {
        if (command("PING").startsWith("+PONG")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("redis-server did not answer on port " + port);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A free port whose cluster bus port (+10000) is free too. */
  static int sparePort() throws IOException {
    for (int i = 0; i < 200; i++) {
      int port = ThreadLocalRandom.current().nextInt(20000, 30000);
      if (free(port) && free(port + 10000)) {
        return port;
      }
    }
    throw new IOException("no spare port found");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
