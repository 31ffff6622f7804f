package com.feesmanager.automation.bootstrap.config;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code REDIS_URL}: {@code redis://} or {@code rediss://} (TLS), an optional password (or user and
 * password), host, port and database. {@code toString} hides the password; {@link #reveal()} gives
 * the whole URL to the Redis client.
 */
public final class RedisUrl {

  private static final int DEFAULT_PORT = 6379;

  private final String value;
  private final boolean tls;
  private final boolean hasCredentials;
  private final String host;
  private final int port;
  private final int database;
  private final boolean hasQuery;

  private RedisUrl(
      String value,
      boolean tls,
      boolean hasCredentials,
      String host,
      int port,
      int database,
      boolean hasQuery) {
    this.value = value;
    this.tls = tls;
    this.hasCredentials = hasCredentials;
    this.host = host;
    this.port = port;
    this.database = database;
    this.hasQuery = hasQuery;
  }

  /**
   * Parses {@code redis[s]://[[user]:password@]host[:port][/database][?options]}.
   *
   * @throws IllegalArgumentException with a message that never contains the password
   */
  public static RedisUrl parse(String value) {
    Objects.requireNonNull(value, "'value' must not be null");
    int schemeEnd = value.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw invalid();
    }
    String rest = value.substring(schemeEnd + 3);
    // The last '@' ends the credentials: a password may contain '@' or '/' when not encoded.
    int at = rest.lastIndexOf('@');
    boolean hasCredentials = at >= 0;
    String afterCredentials = rest.substring(at + 1);
    int authorityEnd = indexOfAny(afterCredentials, '/', '?');
    String authority =
        authorityEnd < 0 ? afterCredentials : afterCredentials.substring(0, authorityEnd);
    String tail = authorityEnd < 0 ? "" : afterCredentials.substring(authorityEnd);

    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw invalid();
      }
      host = authority.substring(0, close + 1);
      String afterHost = authority.substring(close + 1);
      if (!afterHost.isEmpty()) {
        if (!afterHost.startsWith(":")) {
          throw invalid();
        }
        portText = afterHost.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (!Hosts.isHostName(host) && !Hosts.isBracketedIpv6(host)) {
      throw invalid();
    }
    int port =
        portText == null ? DEFAULT_PORT : Hosts.port(portText).orElseThrow(RedisUrl::invalid);

    int queryStart = tail.indexOf('?');
    String path = queryStart < 0 ? tail : tail.substring(0, queryStart);
    int database = 0;
    if (path.length() > 1) {
      String digits = path.substring(1);
      if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 5) {
        throw invalid();
      }
      database = Integer.parseInt(digits);
    } else if (!path.isEmpty() && !path.equals("/")) {
      throw invalid();
    }
    return new RedisUrl(
        value, scheme.equals("rediss"), hasCredentials, host, port, database, queryStart >= 0);
  }

  private static int indexOfAny(String text, char first, char second) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == first || c == second) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException(
        "must be redis://[[user]:password@]host[:port][/database] or rediss://… (TLS)");
  }

  /** The whole URL, password included, for the Redis client; never log it. */
  public String reveal() {
    return value;
  }

  /** Whether the connection uses TLS ({@code rediss://}). */
  public boolean tls() {
    return tls;
  }

  /** The host name or address (an IPv6 address keeps its brackets). */
  public String host() {
    return host;
  }

  /** The port, 6379 when the URL names none. */
  public int port() {
    return port;
  }

  /** The database number, 0 when the URL names none. */
  public int database() {
    return database;
  }

  /** Whether the URL carries a password (or user and password). */
  public boolean hasCredentials() {
    return hasCredentials;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisUrl url && url.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return (tls ? "rediss://" : "redis://")
        + (hasCredentials ? "****@" : "")
        + host
        + ":"
        + port
        + "/"
        + database
        + (hasQuery ? "?…" : "");
  }
}
