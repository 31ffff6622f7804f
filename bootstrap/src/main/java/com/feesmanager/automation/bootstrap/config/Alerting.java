package com.feesmanager.automation.bootstrap.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts go (SPEC §7, §8; issue 15): every destination at once.
 *
 * @param webhooks {@code ALERT_WEBHOOK_URL}: one or more URLs (comma-separated)
 * @param emailTo {@code ALERT_EMAIL_TO}: the recipients of alert e-mails
 * @param smtp {@code SMTP_URL}: the server alert e-mails go through (set with {@code emailTo})
 */
public record Alerting(List<SecretUrl> webhooks, List<String> emailTo, Optional<SmtpUrl> smtp) {

  /** No destination: alerts only in the log. */
  public static final Alerting LOG_ONLY = new Alerting(List.of(), List.of(), Optional.empty());

  public Alerting {
    webhooks = List.copyOf(webhooks);
    emailTo = List.copyOf(emailTo);
    Objects.requireNonNull(smtp, "'smtp' must not be null");
  }

  /** Whether alerts are e-mailed (both variables set). */
  public boolean email() {
    return smtp.isPresent() && !emailTo.isEmpty();
  }
}
