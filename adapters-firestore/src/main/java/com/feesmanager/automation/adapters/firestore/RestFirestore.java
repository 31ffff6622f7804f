package com.feesmanager.automation.adapters.firestore;

import com.google.auth.Credentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The few calls of Firestore's REST API (v1) the nothing-due path needs: a query of a collection
 * (with at most one equality filter), a document read, and a whole-document write. One JDK {@link
 * HttpClient} per connection, JSON with Gson; every failure is a {@link RestFailure}.
 */
final class RestFirestore {

  private static final URI PRODUCTION = URI.create("https://firestore.googleapis.com/");

  /**
   * A document as read: its path below {@code documents/}, its id, and its fields as Java values.
   */
  record Document(String path, String id, Map<String, Object> data) {}

  /** An equality filter on a (dotted) field. */
  record Equals(String field, Object value) {}

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

  /**
   * The documents of the collection {@code collection} below {@code parent} (a document path, or
   * empty for a root collection), filtered by {@code where} if given, at most {@code limit} if
   * positive.
   */
  CompletableFuture<List<Document>> query(
      String parent, String collection, Optional<Equals> where, int limit) {
    JsonObject query = new JsonObject();
    JsonArray from = new JsonArray();
    JsonObject selector = new JsonObject();
    selector.addProperty("collectionId", collection);
    from.add(selector);
    query.add("from", from);
    where.ifPresent(
        filter -> {
          JsonObject field = new JsonObject();
          field.addProperty("fieldPath", filter.field());
          JsonObject fieldFilter = new JsonObject();
          fieldFilter.add("field", field);
          fieldFilter.addProperty("op", "EQUAL");
          fieldFilter.add("value", RestValues.encode(filter.value()));
          JsonObject condition = new JsonObject();
          condition.add("fieldFilter", fieldFilter);
          query.add("where", condition);
        });
    if (limit > 0) {
      query.addProperty("limit", limit);
    }
    JsonObject body = new JsonObject();
    body.add("structuredQuery", query);
    String target = parent.isEmpty() ? documents : documents + "/" + encodePath(parent);
    return send(post(target + ":runQuery", body), false)
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

  /** The document at {@code path}; empty when there is none. */
  CompletableFuture<Optional<Document>> get(String path) {
    return send(request(documents + "/" + encodePath(path)).GET(), true)
        .thenApply(answer -> readable(() -> answer.map(json -> document(json.getAsJsonObject()))));
  }

  /** Writes the whole document at {@code path}, replacing what is there (no field mask). */
  CompletableFuture<Void> set(String path, Map<String, Object> data) {
    JsonObject update = new JsonObject();
    update.addProperty("name", documents + "/" + path);
    update.add("fields", RestValues.encodeFields(data));
    JsonObject write = new JsonObject();
    write.add("update", update);
    JsonArray writes = new JsonArray();
    writes.add(write);
    JsonObject body = new JsonObject();
    body.add("writes", writes);
    return send(post(documents + ":commit", body), false).thenApply(answer -> null);
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
    int status = response.statusCode();
    if (status == 404 && absentIfNotFound) {
      return Optional.empty();
    }
    JsonElement json;
    try {
      json = JsonParser.parseString(response.body());
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
        RestValues.decodeFields(json.has("fields") ? json.getAsJsonObject("fields") : null));
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
