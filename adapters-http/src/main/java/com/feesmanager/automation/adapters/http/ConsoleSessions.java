package com.feesmanager.automation.adapters.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers of the console: a random session id (the HttpOnly cookie) and its CSRF token,
 * each 256 random bits, kept in memory for {@link #LIFETIME}; a daemon restart signs everyone out.
 */
final class ConsoleSessions {

  static final Duration LIFETIME = Duration.ofHours(12);
  private static final int MAX_SESSIONS = 1_000;

  /** One signed-in browser. */
  record Session(String id, String csrf, Instant expiresAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  Session open() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    if (sessions.size() >= MAX_SESSIONS) {
      // a flood of logins must not grow memory: the oldest sign-ins go first
      sessions.values().stream()
          .min(java.util.Comparator.comparing(Session::expiresAt))
          .ifPresent(oldest -> sessions.remove(oldest.id()));
    }
    Session session = new Session(randomToken(), randomToken(), now.plus(LIFETIME));
    sessions.put(session.id(), session);
    return session;
  }

  Optional<Session> find(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.expiresAt())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void close(String id) {
    sessions.remove(id);
  }

  String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
