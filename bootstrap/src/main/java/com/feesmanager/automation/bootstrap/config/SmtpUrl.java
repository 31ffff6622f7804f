package com.feesmanager.automation.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SMTP_URL} (SPEC §7): {@code smtps://user:password@host:465} (TLS from the first byte) or
 * {@code smtp://user:password@host:587} (STARTTLS, required; {@code ?starttls=false} only for a
 * relay on the same machine). {@code ?from=address} sets the sender (default: the user when it is
 * an address, else {@code fees-automation@host}). The password is a secret: {@code toString} and
 * every parse error leave it out.
 *
 * @param implicitTls {@code smtps://}
 * @param host the server
 * @param port the port (465 for smtps, 587 for smtp when none is given)
 * @param user the login, if any
 * @param password the login's password, if any
 * @param startTls STARTTLS before the login ({@code smtp://} only)
 * @param from the sender address
 */
public record SmtpUrl(
    boolean implicitTls,
    String host,
    int port,
    Optional<String> user,
    Optional<Secret> password,
    boolean startTls,
    String from) {

  private static final String SHAPE =
      "must be smtps://user:password@host:465 or smtp://user:password@host:587 (the value is not"
          + " shown: it holds a password)";

  public SmtpUrl {
    Objects.requireNonNull(host, "'host' must not be null");
    Objects.requireNonNull(user, "'user' must not be null");
    Objects.requireNonNull(password, "'password' must not be null");
    Objects.requireNonNull(from, "'from' must not be null");
  }

  /**
   * Parses {@code SMTP_URL}.
   *
   * @throws IllegalArgumentException with a message that does not repeat the value
   */
  public static SmtpUrl parse(String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(SHAPE);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtps") && !scheme.equals("smtp") || uri.getHost() == null) {
      throw new IllegalArgumentException(SHAPE);
    }
    boolean implicitTls = scheme.equals("smtps");
    Optional<String> user = Optional.empty();
    Optional<Secret> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
      if (parts.length == 2 && !decode(parts[1]).isBlank()) {
        password = Optional.of(Secret.of(decode(parts[1])));
      }
    }
    boolean startTls = !implicitTls;
    String from = null;
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String key = decode(kv[0]);
        String val = kv.length == 2 ? decode(kv[1]) : "";
        switch (key) {
          case "starttls" -> {
            if (implicitTls || !val.equals("true") && !val.equals("false")) {
              throw new IllegalArgumentException(
                  "starttls=true|false is for smtp:// only (smtps:// is TLS from the start)");
            }
            startTls = Boolean.parseBoolean(val);
          }
          case "from" -> from = address(val);
          default ->
              throw new IllegalArgumentException(
                  "unknown parameter '" + key + "' (known: starttls, from)");
        }
      }
    }
    if (from == null) {
      String host = uri.getHost();
      from = user.filter(SmtpUrl::isAddress).orElse("fees-automation@" + host);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : implicitTls ? 465 : 587;
    return new SmtpUrl(implicitTls, uri.getHost(), port, user, password, startTls, from);
  }

  /** One e-mail address, checked for its shape only (the server has the last word). */
  static String address(String value) {
    String address = value.strip();
    if (!isAddress(address)) {
      throw new IllegalArgumentException("'" + address + "' is not an e-mail address");
    }
    return address;
  }

  private static boolean isAddress(String value) {
    return value.matches("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return (implicitTls ? "smtps" : "smtp")
        + "://"
        + user.map(u -> u + (password.isPresent() ? ":****" : "") + "@").orElse("")
        + host
        + ":"
        + port
        + (!implicitTls && !startTls ? "?starttls=false" : "");
  }
}
