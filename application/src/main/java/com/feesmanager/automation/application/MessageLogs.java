package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.Skip;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the message log documents the use cases write. */
final class MessageLogs {

  private MessageLogs() {}

  /** The log of a queued message in {@code status}, with {@code attempts} consumed. */
  static MessageLog of(
      QueuedMessage queued,
      MessageStatus status,
      Optional<String> reason,
      int attempts,
      Instant at) {
    var message = queued.message();
    return new MessageLog(
        queued.uid(),
        message.key(),
        queued.ruleId(),
        queued.ruleName(),
        queued.occurrence(),
        String.join(", ", message.studentIds()),
        String.join(", ", message.studentNames()),
        Optional.of(message.to().digits()),
        message.body(),
        status,
        reason,
        attempts,
        Optional.of(queued.enqueuedAt()),
        status == MessageStatus.SENT ? Optional.of(at) : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        at,
        Optional.empty());
  }

  /** The SKIPPED log of a student skipped when the occurrence fired. */
  static MessageLog skipped(
      String uid, String ruleId, String ruleName, Occurrence occurrence, Skip skip, Instant at) {
    String recipient = skip.to().map(p -> p.digits()).orElse("");
    MessageKey key =
        skip.to()
            .map(
                to ->
                    MessageKey.of(
                        uid, ruleId, occurrence.localName(), List.of(skip.studentId()), to))
            .orElseGet(
                () ->
                    MessageKey.withoutRecipient(
                        uid, ruleId, occurrence.localName(), List.of(skip.studentId())));
    return new MessageLog(
        uid,
        key,
        ruleId,
        ruleName,
        occurrence.localName(),
        skip.studentId(),
        skip.studentName(),
        recipient.isEmpty() ? Optional.empty() : Optional.of(recipient),
        "",
        MessageStatus.SKIPPED,
        Optional.of(skip.reason().code()),
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        at,
        Optional.empty());
  }
}
