package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message log document (SPEC §1.5 {@code messageLogs/{messageId}}). For a consolidated message
 * {@code studentId} and {@code studentName} join the students' values with ", ". {@code to} is
 * empty for a student skipped for want of a valid number.
 */
public record MessageLog(
    String uid,
    MessageKey key,
    String ruleId,
    String ruleName,
    String occurrence,
    String studentId,
    String studentName,
    Optional<String> to,
    String body,
    MessageStatus status,
    Optional<String> reason,
    int attempts,
    Optional<Instant> queuedAt,
    Optional<Instant> sentAt,
    Optional<Instant> deliveredAt,
    Optional<Instant> readAt,
    Instant updatedAt,
    Optional<String> providerMessageId) {

  public MessageLog {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(key, "'key' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(ruleName, "'ruleName' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    Objects.requireNonNull(studentName, "'studentName' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(body, "'body' must not be null");
    Objects.requireNonNull(status, "'status' must not be null");
    Objects.requireNonNull(reason, "'reason' must not be null");
    Objects.requireNonNull(queuedAt, "'queuedAt' must not be null");
    Objects.requireNonNull(sentAt, "'sentAt' must not be null");
    Objects.requireNonNull(deliveredAt, "'deliveredAt' must not be null");
    Objects.requireNonNull(readAt, "'readAt' must not be null");
    Objects.requireNonNull(updatedAt, "'updatedAt' must not be null");
    Objects.requireNonNull(providerMessageId, "'providerMessageId' must not be null");
    if (attempts < 0) {
      throw new IllegalArgumentException("'attempts' must not be negative");
    }
  }

  /** The same log moved to {@code next} at {@code at}, with the reason (if any). */
  public MessageLog movedTo(MessageStatus next, Instant at, Optional<String> why) {
    return new MessageLog(
        uid,
        key,
        ruleId,
        ruleName,
        occurrence,
        studentId,
        studentName,
        to,
        body,
        next,
        why,
        attempts,
        queuedAt,
        next == MessageStatus.SENT ? Optional.of(at) : sentAt,
        next == MessageStatus.DELIVERED ? Optional.of(at) : deliveredAt,
        next == MessageStatus.READ ? Optional.of(at) : readAt,
        at,
        providerMessageId);
  }

  public MessageLog withAttempts(int count) {
    return new MessageLog(
        uid,
        key,
        ruleId,
        ruleName,
        occurrence,
        studentId,
        studentName,
        to,
        body,
        status,
        reason,
        count,
        queuedAt,
        sentAt,
        deliveredAt,
        readAt,
        updatedAt,
        providerMessageId);
  }

  public MessageLog withProviderMessageId(String id) {
    return new MessageLog(
        uid,
        key,
        ruleId,
        ruleName,
        occurrence,
        studentId,
        studentName,
        to,
        body,
        status,
        reason,
        attempts,
        queuedAt,
        sentAt,
        deliveredAt,
        readAt,
        updatedAt,
        Optional.of(id));
  }
}
