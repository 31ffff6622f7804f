package com.feesmanager.automation.adapters.http.alerts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alert e-mails go and how: the SMTP server ({@code smtps://} is TLS from the first byte,
 * {@code smtp://} upgrades with STARTTLS, required unless switched off for a relay on the same
 * machine), the login, the sender and the recipients. {@code toString} never shows the password.
 *
 * @param host the SMTP server
 * @param port its port
 * @param implicitTls {@code smtps://}: TLS from the start
 * @param startTls {@code smtp://}: STARTTLS required before the login
 * @param user the login, when the server wants one
 * @param password the login's password (a secret)
 * @param from the sender address
 * @param to the recipients, at least one
 */
public record SmtpSettings(
    String host,
    int port,
    boolean implicitTls,
    boolean startTls,
    Optional<String> user,
    Optional<String> password,
    String from,
    List<String> to) {

  public SmtpSettings {
    Objects.requireNonNull(host, "'host' must not be null");
    Objects.requireNonNull(user, "'user' must not be null");
    Objects.requireNonNull(password, "'password' must not be null");
    Objects.requireNonNull(from, "'from' must not be null");
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("'to' must name at least one address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("'port' must be 1–65535: " + port);
    }
  }

  /** {@code smtps://host:465}: what logs may show of the server. */
  public String target() {
    return (implicitTls ? "smtps" : "smtp") + "://" + host + ":" + port;
  }

  @Override
  public String toString() {
    return "SmtpSettings["
        + target()
        + (startTls ? " STARTTLS" : "")
        + user.map(u -> " user " + u + " password ****").orElse("")
        + " from "
        + from
        + " to "
        + to
        + "]";
  }
}
