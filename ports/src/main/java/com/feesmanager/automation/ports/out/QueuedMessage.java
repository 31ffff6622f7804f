package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PlannedMessage;
import java.time.Instant;
import java.util.Objects;

/** A planned message on its way: whose it is, which session sends it, and when it was queued. */
public record QueuedMessage(
    String uid,
    String session,
    String ruleId,
    String ruleName,
    String occurrence,
    PlannedMessage message,
    Instant enqueuedAt) {

  public QueuedMessage {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(ruleName, "'ruleName' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(message, "'message' must not be null");
    Objects.requireNonNull(enqueuedAt, "'enqueuedAt' must not be null");
  }

  public MessageKey key() {
    return message.key();
  }
}
