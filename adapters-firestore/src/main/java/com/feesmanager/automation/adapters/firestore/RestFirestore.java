package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.auth.Credentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The calls of Firestore's REST API (v1) the adapters make: structured queries ({@link Query}),
 * document reads (one, or many in one {@code batchGet}), and commits of writes with their
 * preconditions ({@link Write}). One JDK {@link HttpClient} per connection, JSON with Gson; every
 * failure is a {@link RestFailure}. No gRPC, Netty or protobuf class is ever loaded (issue 16: the
 * daemon's resident memory).
 */
final class RestFirestore {

  private static final URI PRODUCTION = URI.create("https://firestore.googleapis.com/");

  /**
   * A document as read: its path below {@code documents/}, its id, its fields as Java values, and
   * its update time as Firestore wrote it (for a {@link Write#update} precondition; empty when the
   * answer had none).
   */
  record Document(String path, String id, Map<String, Object> data, String updateTime) {}

  /** An equality filter on a (dotted) field. */
  record Equals(String field, Object value) {}

  /** An ordering on a field ({@link #DOCUMENT_ID} for the document id). */
  record Order(String field, boolean descending) {}

  /** The field path that orders and filters by document id. */
  static final String DOCUMENT_ID = "__name__";

  /**
   * A structured query of the collection {@code collection} below {@code parent} (a document path,
   * or empty for the root), or of every collection of that id below it ({@code allDescendants}: a
   * collection-group query); equality filters, orderings, a cursor after which the answer starts
   * (one value per ordering: for {@link #DOCUMENT_ID}, the document's path) and a limit (0: none).
   */
  record Query(
      String parent,
      String collection,
      boolean allDescendants,
      List<Equals> where,
      List<Order> orderBy,
      List<Object> startAfter,
      int limit) {

    static Query of(String parent, String collection) {
      return new Query(parent, collection, false, List.of(), List.of(), List.of(), 0);
    }

    /** Every collection named {@code collection} in the database. */
    static Query group(String collection) {
      return new Query("", collection, true, List.of(), List.of(), List.of(), 0);
    }

    Query where(String field, Object value) {
      List<Equals> more = new ArrayList<>(where);
      more.add(new Equals(field, value));
      return new Query(parent, collection, allDescendants, more, orderBy, startAfter, limit);
    }

    Query orderBy(String field, boolean descending) {
      List<Order> more = new ArrayList<>(orderBy);
      more.add(new Order(field, descending));
      return new Query(parent, collection, allDescendants, where, more, startAfter, limit);
    }

    Query startAfter(Object... values) {
      return new Query(parent, collection, allDescendants, where, orderBy, List.of(values), limit);
    }

    Query limit(int count) {
      return new Query(parent, collection, allDescendants, where, orderBy, startAfter, count);
    }
  }

  /**
   * One document write of a commit: the whole document ({@link #set}), a new one that must not
   * exist yet ({@link #create}), or the fields named in {@code mask} of one whose update time is
   * still {@code updatedAt} ({@link #update}: a field in the mask but not in {@code data} is
   * deleted). A failed precondition fails the whole commit (FAILED_PRECONDITION or ALREADY_EXISTS,
   * sorted as a conflict by {@link Failures}).
   */
  record Write(
      String path,
      Map<String, Object> data,
      List<String> mask,
      Optional<Boolean> exists,
      Optional<String> updatedAt) {

    static Write set(String path, Map<String, Object> data) {
      return new Write(path, data, List.of(), Optional.empty(), Optional.empty());
    }

    static Write create(String path, Map<String, Object> data) {
      return new Write(path, data, List.of(), Optional.of(false), Optional.empty());
    }

    /** The whole document, on condition that its update time is still {@code updatedAt}. */
    static Write replace(String path, Map<String, Object> data, String updatedAt) {
      return new Write(path, data, List.of(), Optional.empty(), Optional.of(updatedAt));
    }

    static Write update(
        String path, Map<String, Object> data, List<String> mask, String updatedAt) {
      return new Write(path, data, List.copyOf(mask), Optional.empty(), Optional.of(updatedAt));
    }
  }

  private final HttpClient http;
  private final URI base;
  private final String documents;
  private final Credentials credentials;
  private final URI audience;
  private final Duration timeout;

  private RestFirestore(
      HttpClient http,
      URI base,
      String projectId,
      Credentials credentials,
      URI audience,
      Duration timeout) {
    this.http = http;
    this.base = base;
    this.documents = "projects/" + projectId + "/databases/(default)/documents";
    this.credentials = credentials;
    this.audience = audience;
    this.timeout = timeout;
  }

  /**
   * A client of the emulator ({@code http://host/v1/}, plain HTTP/1.1, bearer {@code owner}) or of
   * production ({@code https://firestore.googleapis.com/v1/}, the credentials' request headers).
   */
  static RestFirestore open(FirestoreCredentials credentials, Duration timeout) {
    if (credentials.emulatorHost().isPresent()) {
      // HTTP/1.1: the emulator speaks it, and it spares the client its h2c upgrade attempt. A TLS
      // context that trusts nothing (never used): the default one parses the JDK's whole trust
      // store for a plain-http client (PlainHttpTls in the wppconnect adapter does the same).
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(trustsNothing())
              .connectTimeout(timeout)
              .build();
      return new RestFirestore(
          http,
          URI.create("http://" + credentials.emulatorHost().get() + "/v1/"),
          credentials.projectId(),
          credentials.credentials(),
          PRODUCTION,
          timeout);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    return new RestFirestore(
        http,
        PRODUCTION.resolve("/v1/"),
        credentials.projectId(),
        credentials.forRest(),
        PRODUCTION,
        timeout);
  }

  /** The documents a structured query answers, in its order. */
  CompletableFuture<List<Document>> query(Query query) {
    return send(queryRequest(query), false)
        .thenApply(
            answer ->
                readable(
                    () -> {
                      // one element per document; the last may carry only a readTime
                      List<Document> found = new ArrayList<>();
                      for (JsonElement result : answer.orElseThrow().getAsJsonArray()) {
                        JsonObject item = result.getAsJsonObject();
                        if (item.has("document")) {
                          found.add(document(item.getAsJsonObject("document")));
                        }
                      }
                      return found;
                    }));
  }

  /**
   * Hands each document a query answers to {@code each} as it arrives, on the caller's thread: the
   * answer (a JSON array, one element per document) is parsed as it streams in, so a large
   * collection is never held whole and one query serves it all. Waiting longer than {@code idle}
   * for the answer's headers or its next document fails the read; time spent in {@code each} does
   * not count. Every failure is a {@link RestFailure} (an interrupt a {@link StoreUnavailable});
   * documents handed on before it stay handed.
   */
  void stream(Query query, Duration idle, Consumer<Document> each) {
    HttpRequest.Builder request = queryRequest(query).timeout(idle);
    try {
      authorize(request);
    } catch (IOException | RuntimeException e) {
      throw new RestFailure("UNAUTHENTICATED", "cannot sign the request: " + e.getMessage(), e);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw RestFailure.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailable("interrupted while reading " + query.collection(), e);
    }
    IdleWatch watch = new IdleWatch(response.body(), idle);
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        byte[] error = watch.waiting(body::readAllBytes);
        // an error answer always throws
        answer(response.statusCode(), new String(error, StandardCharsets.UTF_8), false);
        return;
      }
      JsonReader reader = new JsonReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      reader.beginArray();
      while (watch.waiting(reader::hasNext)) {
        JsonObject item = watch.waiting(() -> JsonParser.parseReader(reader)).getAsJsonObject();
        if (item.has("error")) {
          JsonObject error = item.getAsJsonObject("error");
          throw RestFailure.answered(
              error.has("code") ? error.get("code").getAsInt() : 500,
              error.has("status") ? error.get("status").getAsString() : null,
              error.has("message") ? error.get("message").getAsString() : "");
        }
        if (item.has("document")) {
          each.accept(document(item.getAsJsonObject("document")));
        }
      }
    } catch (IOException | JsonParseException | IllegalStateException e) {
      if (watch.expired()) {
        throw new RestFailure(
            "DEADLINE_EXCEEDED", "no document for " + idle + " reading " + query.collection(), e);
      }
      throw RestFailure.of(
          e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e);
    } finally {
      watch.stop();
    }
  }

  /**
   * Closes a streamed answer that keeps its reader waiting longer than {@code idle} for its next
   * part, which ends the blocked read; checked a few times per {@code idle} on the JDK's shared
   * delayed executor (no thread of its own).
   */
  private static final class IdleWatch {

    /** What a wait returns; a read of the answer that may block. */
    interface Wait<T> {
      T get() throws IOException;
    }

    private final InputStream body;
    private final long idleNanos;
    private final java.util.concurrent.Executor later;
    private volatile long waitingSince;
    private volatile boolean stopped;
    private volatile boolean expired;

    IdleWatch(InputStream body, Duration idle) {
      this.body = body;
      this.idleNanos = idle.toNanos();
      this.later =
          CompletableFuture.delayedExecutor(
              Math.max(10, idle.toMillis() / 4), java.util.concurrent.TimeUnit.MILLISECONDS);
      later.execute(this::check);
    }

    <T> T waiting(Wait<T> read) throws IOException {
      waitingSince = System.nanoTime();
      try {
        return read.get();
      } finally {
        waitingSince = 0;
      }
    }

    boolean expired() {
      return expired;
    }

    void stop() {
      stopped = true;
    }

    private void check() {
      if (stopped) {
        return;
      }
      long since = waitingSince;
      if (since != 0 && System.nanoTime() - since > idleNanos) {
        expired = true;
        try {
          body.close();
        } catch (IOException e) {
          // closing is all that is wanted; the reader sees the end either way
        }
        return;
      }
      later.execute(this::check);
    }
  }

  private HttpRequest.Builder queryRequest(Query query) {
    JsonObject structured = new JsonObject();
    JsonArray from = new JsonArray();
    JsonObject selector = new JsonObject();
    selector.addProperty("collectionId", query.collection());
    if (query.allDescendants()) {
      selector.addProperty("allDescendants", true);
    }
    from.add(selector);
    structured.add("from", from);
    List<JsonObject> filters = new ArrayList<>();
    for (Equals filter : query.where()) {
      JsonObject fieldFilter = new JsonObject();
      fieldFilter.add("field", fieldReference(filter.field()));
      fieldFilter.addProperty("op", "EQUAL");
      fieldFilter.add("value", RestValues.encode(cursorValue(filter.field(), filter.value())));
      JsonObject condition = new JsonObject();
      condition.add("fieldFilter", fieldFilter);
      filters.add(condition);
    }
    if (filters.size() == 1) {
      structured.add("where", filters.get(0));
    } else if (filters.size() > 1) {
      JsonObject composite = new JsonObject();
      composite.addProperty("op", "AND");
      JsonArray all = new JsonArray();
      filters.forEach(all::add);
      composite.add("filters", all);
      JsonObject condition = new JsonObject();
      condition.add("compositeFilter", composite);
      structured.add("where", condition);
    }
    if (!query.orderBy().isEmpty()) {
      JsonArray orders = new JsonArray();
      for (Order order : query.orderBy()) {
        JsonObject each = new JsonObject();
        each.add("field", fieldReference(order.field()));
        each.addProperty("direction", order.descending() ? "DESCENDING" : "ASCENDING");
        orders.add(each);
      }
      structured.add("orderBy", orders);
    }
    if (!query.startAfter().isEmpty()) {
      JsonArray values = new JsonArray();
      for (int i = 0; i < query.startAfter().size(); i++) {
        String field = i < query.orderBy().size() ? query.orderBy().get(i).field() : "";
        values.add(RestValues.encode(cursorValue(field, query.startAfter().get(i))));
      }
      JsonObject cursor = new JsonObject();
      cursor.add("values", values);
      cursor.addProperty("before", false);
      structured.add("startAt", cursor);
    }
    if (query.limit() > 0) {
      structured.addProperty("limit", query.limit());
    }
    JsonObject body = new JsonObject();
    body.add("structuredQuery", structured);
    String parent = query.parent();
    String target = parent.isEmpty() ? documents : documents + "/" + encodePath(parent);
    return post(target + ":runQuery", body);
  }

  /** The document at {@code path}; empty when there is none. */
  CompletableFuture<Optional<Document>> get(String path) {
    return send(request(documents + "/" + encodePath(path)).GET(), true)
        .thenApply(answer -> readable(() -> answer.map(json -> document(json.getAsJsonObject()))));
  }

  /** The documents at {@code paths} that exist, by path, read at one instant ({@code batchGet}). */
  CompletableFuture<Map<String, Document>> getAll(List<String> paths) {
    JsonArray names = new JsonArray();
    paths.forEach(path -> names.add(documents + "/" + path));
    JsonObject body = new JsonObject();
    body.add("documents", names);
    return send(post(documents + ":batchGet", body), false)
        .thenApply(
            answer ->
                readable(
                    () -> {
                      Map<String, Document> found = new HashMap<>();
                      for (JsonElement result : answer.orElseThrow().getAsJsonArray()) {
                        JsonObject item = result.getAsJsonObject();
                        if (item.has("found")) {
                          Document document = document(item.getAsJsonObject("found"));
                          found.put(document.path(), document);
                        }
                      }
                      return found;
                    }));
  }

  /** Writes the whole document at {@code path}, replacing what is there (no field mask). */
  CompletableFuture<Void> set(String path, Map<String, Object> data) {
    return commit(List.of(Write.set(path, data)));
  }

  /** Commits {@code writes} atomically: all or none (a failed precondition fails them all). */
  CompletableFuture<Void> commit(List<Write> writes) {
    JsonArray all = new JsonArray();
    for (Write write : writes) {
      JsonObject update = new JsonObject();
      update.addProperty("name", documents + "/" + write.path());
      update.add("fields", RestValues.encodeFields(write.data()));
      JsonObject each = new JsonObject();
      each.add("update", update);
      if (!write.mask().isEmpty()) {
        JsonArray fieldPaths = new JsonArray();
        write.mask().forEach(field -> fieldPaths.add(quoted(field)));
        JsonObject mask = new JsonObject();
        mask.add("fieldPaths", fieldPaths);
        each.add("updateMask", mask);
      }
      if (write.exists().isPresent() || write.updatedAt().isPresent()) {
        JsonObject current = new JsonObject();
        write.exists().ifPresent(exists -> current.addProperty("exists", exists));
        write.updatedAt().ifPresent(at -> current.addProperty("updateTime", at));
        each.add("currentDocument", current);
      }
      all.add(each);
    }
    JsonObject body = new JsonObject();
    body.add("writes", all);
    return send(post(documents + ":commit", body), false).thenApply(answer -> null);
  }

  /**
   * A cursor or filter value as the API takes it: on {@link #DOCUMENT_ID}, a document path becomes
   * the document's full resource name.
   */
  private Object cursorValue(String field, Object value) {
    return DOCUMENT_ID.equals(field) && value instanceof String path
        ? new RestValues.DocumentReference(documents + "/" + path)
        : value;
  }

  private static JsonObject fieldReference(String field) {
    JsonObject reference = new JsonObject();
    reference.addProperty("fieldPath", field);
    return reference;
  }

  /** A single field name as a field path: back-quoted unless it is a plain identifier. */
  private static String quoted(String field) {
    if (field.matches("[A-Za-z_][A-Za-z_0-9]*")) {
      return field;
    }
    return "`" + field.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  /** An answer read by {@code reading}; one it cannot read is a {@link RestFailure} too. */
  private static <T> T readable(Supplier<T> reading) {
    try {
      return reading.get();
    } catch (RestFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw RestFailure.of(e);
    }
  }

  private HttpRequest.Builder post(String target, JsonObject body) {
    return request(target)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(base.resolve(target)).timeout(timeout);
  }

  /**
   * Sends with the credentials' headers; the answer's JSON, or empty for a 404 when {@code
   * absentIfNotFound}. Every failure completes the future with a {@link RestFailure}.
   */
  private CompletableFuture<Optional<JsonElement>> send(
      HttpRequest.Builder request, boolean absentIfNotFound) {
    try {
      authorize(request);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(
          new RestFailure("UNAUTHENTICATED", "cannot sign the request: " + e.getMessage(), e));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                throw cause instanceof RestFailure rest ? rest : RestFailure.of(cause);
              }
              return answer(response, absentIfNotFound);
            });
  }

  private static Optional<JsonElement> answer(
      HttpResponse<String> response, boolean absentIfNotFound) {
    return answer(response.statusCode(), response.body(), absentIfNotFound);
  }

  private static Optional<JsonElement> answer(int status, String body, boolean absentIfNotFound) {
    if (status == 404 && absentIfNotFound) {
      return Optional.empty();
    }
    JsonElement json;
    try {
      json = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      if (status / 100 == 2) {
        throw RestFailure.of(e);
      }
      throw RestFailure.answered(status, null, "(no JSON error)");
    }
    if (status / 100 != 2) {
      String errorStatus = null;
      String message = "";
      if (json.isJsonObject() && json.getAsJsonObject().has("error")) {
        JsonObject error = json.getAsJsonObject().getAsJsonObject("error");
        errorStatus = error.has("status") ? error.get("status").getAsString() : null;
        message = error.has("message") ? error.get("message").getAsString() : "";
      }
      throw RestFailure.answered(status, errorStatus, message.lines().findFirst().orElse(""));
    }
    return Optional.of(json);
  }

  private void authorize(HttpRequest.Builder request) throws IOException {
    // google-auth caches what it signs or fetches: after the first call this is a map lookup
    Map<String, List<String>> headers = credentials.getRequestMetadata(audience);
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
  }

  private Document document(JsonObject json) {
    String name = json.get("name").getAsString();
    String path = name.substring(name.indexOf("/documents/") + "/documents/".length());
    String id = path.substring(path.lastIndexOf('/') + 1);
    return new Document(
        path,
        id,
        RestValues.decodeFields(json.has("fields") ? json.getAsJsonObject("fields") : null),
        json.has("updateTime") ? json.get("updateTime").getAsString() : "");
  }

  /** Each segment of a document path percent-encoded for a URL. */
  private static String encodePath(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", segments);
  }

  private static SSLContext trustsNothing() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[] {new TrustsNothing()}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  /** Refuses every certificate: the emulator client talks plain HTTP only. */
  private static final class TrustsNothing implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("plain http only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("plain http only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
