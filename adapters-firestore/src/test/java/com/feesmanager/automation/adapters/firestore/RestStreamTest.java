package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed query against a plain HTTP server that answers as Firestore's {@code :runQuery} does
 * (a JSON array, one element per document), then misbehaves: documents are handed on as they
 * arrive, and an answer that stops coming breaks the read after the idle time, not never.
 */
class RestStreamTest {

  private static final Duration IDLE = Duration.ofMillis(500);

  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void documents_are_handed_on_as_they_arrive_and_a_stalled_answer_breaks_after_the_idle_time()
      throws Exception {
    // given a server that sends two documents, then nothing more while keeping the connection
    RestFirestore client = clientOf(serve("[" + document("s1") + "," + document("s2") + ",", true));
    List<String> handed = new ArrayList<>();

    // when
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                client.stream(
                    RestFirestore.Query.of("users/u1", "students"),
                    IDLE,
                    document -> handed.add(document.id())))
        // then the read fails as an unanswered call does (transient), within a few idle times
        .isInstanceOfSatisfying(
            RestFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("DEADLINE_EXCEEDED");
              assertThat(Failures.isTransient(failure)).isTrue();
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IDLE.multipliedBy(10));
    // and the documents before the stall were handed on
    assertThat(handed).containsExactly("s1", "s2");
  }

  @Test
  void time_spent_by_the_consumer_does_not_count_as_waiting() throws Exception {
    // given a whole answer of three documents
    RestFirestore client =
        clientOf(
            serve("[" + document("s1") + "," + document("s2") + "," + document("s3") + "]", false));
    List<String> handed = new ArrayList<>();

    // when the consumer takes longer than the idle time for each
    client.stream(
        RestFirestore.Query.of("users/u1", "students"),
        IDLE,
        document -> {
          sleep(IDLE.multipliedBy(2));
          handed.add(document.id());
        });

    // then every document is handed on
    assertThat(handed).containsExactly("s1", "s2", "s3");
  }

  @Test
  void an_error_element_in_the_answer_fails_the_read_with_its_status() throws Exception {
    // given an answer whose second element is an error, as Firestore ends a failed stream
    RestFirestore client =
        clientOf(
            serve(
                "["
                    + document("s1")
                    + ",{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"gone\"}}]",
                false));
    List<String> handed = new ArrayList<>();

    // when / then
    assertThatThrownBy(
            () ->
                client.stream(
                    RestFirestore.Query.of("users/u1", "students"),
                    IDLE,
                    document -> handed.add(document.id())))
        .isInstanceOfSatisfying(
            RestFailure.class, failure -> assertThat(failure.code()).isEqualTo("UNAVAILABLE"));
    assertThat(handed).containsExactly("s1");
  }

  private static String document(String id) {
    return "{\"document\":{\"name\":\"projects/p/databases/(default)/documents/users/u1/students/"
        + id
        + "\",\"fields\":{\"name\":{\"stringValue\":\""
        + id
        + "\"}},\"updateTime\":\"2026-12-05T10:00:00.000001Z\"}}";
  }

  /** Serves {@code body} to every request; then, if {@code stall}, holds the connection open. */
  private int serve(String body, boolean stall) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (stall) {
              release.await(30, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return server.getAddress().getPort();
  }

  private static RestFirestore clientOf(int port) {
    return RestFirestore.open(
        FirestoreCredentials.of(FirestoreConfig.emulator("127.0.0.1:" + port, "p")),
        Duration.ofSeconds(5));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
