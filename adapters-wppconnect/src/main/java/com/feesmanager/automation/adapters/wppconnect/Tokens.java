package com.feesmanager.automation.adapters.wppconnect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bearer tokens per session: the fixed {@code WPPCONNECT_TOKEN} when given, else one generated from
 * {@code WPPCONNECT_SECRET_KEY} and cached (wppconnect tokens never expire). A refused token is
 * replaced by a freshly generated one at most once per call; the caller then gives up.
 */
final class Tokens {

  /** A token to use, or why there is none. */
  sealed interface Outcome {
    record Token(String value) implements Outcome {}

    record Failed(Exchange failure) implements Outcome {}
  }

  private final URI serverUrl;
  private final Optional<String> fixed;
  private final Optional<String> secretKey;
  private final Duration timeout;
  private final Function<HttpRequest, Exchange> transport;
  private final Map<String, String> generated = new ConcurrentHashMap<>();

  Tokens(WppConnectConfig config, Function<HttpRequest, Exchange> transport) {
    this.serverUrl = config.serverUrl();
    this.fixed = config.token();
    this.secretKey = config.secretKey();
    this.timeout = config.timeout();
    this.transport = transport;
  }

  /** The cached or fixed token for {@code session}, generating one when there is neither. */
  Outcome current(String session) {
    String cached = generated.get(session);
    if (cached != null) {
      return new Outcome.Token(cached);
    }
    if (fixed.isPresent()) {
      return new Outcome.Token(fixed.get());
    }
    return generate(session);
  }

  /** After a 401 on {@code refused}: a newly generated token, or the authentication failure. */
  Outcome regenerate(String session, String refused) {
    generated.remove(session, refused);
    if (secretKey.isEmpty()) {
      return new Outcome.Failed(
          new Exchange.Refused(
              "wppconnect-server refused WPPCONNECT_TOKEN for session "
                  + session
                  + " and there is no WPPCONNECT_SECRET_KEY to generate another"));
    }
    return generate(session);
  }

  private Outcome generate(String session) {
    if (secretKey.isEmpty()) {
      return new Outcome.Failed(new Exchange.Refused("no token and no secret key"));
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                Paths.resolve(serverUrl, "api", session, secretKey.get(), "generate-token"))
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    Exchange exchange = transport.apply(request);
    if (exchange instanceof Exchange.Replied replied) {
      return tokenFrom(session, replied);
    }
    if (exchange instanceof Exchange.Lost lost) {
      // the send itself was not written yet: for it, nothing has happened
      return new Outcome.Failed(new Exchange.NotWritten("generate-token: " + lost.detail()));
    }
    return new Outcome.Failed(exchange);
  }

  private Outcome tokenFrom(String session, Exchange.Replied replied) {
    if (Replies.isNotTheApi(replied)) {
      // not the server's API at all: the caller names the wrong WPPCONNECT_SERVER_URL
      return new Outcome.Failed(replied);
    }
    if (replied.status() == 400 || replied.status() == 401) {
      return new Outcome.Failed(
          new Exchange.Refused(
              "wppconnect-server refused WPPCONNECT_SECRET_KEY (generate-token for session "
                  + session
                  + ": HTTP "
                  + replied.status()
                  + ")"));
    }
    Optional<String> token =
        Json.readObject(replied.body())
            .flatMap(body -> Json.string(body.get("token")))
            .filter(value -> !value.isBlank());
    if ((replied.status() != 200 && replied.status() != 201) || token.isEmpty()) {
      return new Outcome.Failed(
          new Exchange.NotWritten(
              "generate-token for session "
                  + session
                  + " answered HTTP "
                  + replied.status()
                  + " without a token"));
    }
    generated.put(session, token.get());
    return new Outcome.Token(token.get());
  }

  /** Replaces every secret this object knows by {@code ***}: a last guard for details and logs. */
  String redact(String text) {
    String out = text;
    for (String secret : secrets()) {
      // a very short "secret" would blank out ordinary words; real tokens and keys are long
      if (secret.length() >= 6) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  private List<String> secrets() {
    List<String> all = new ArrayList<>(generated.values());
    fixed.ifPresent(all::add);
    secretKey.ifPresent(all::add);
    return all;
  }
}
