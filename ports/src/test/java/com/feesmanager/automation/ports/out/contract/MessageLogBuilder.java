package com.feesmanager.automation.ports.out.contract;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.MessageLog;
import java.time.Instant;
import java.util.Optional;

/** Test data: a QUEUED {@link MessageLog} with sensible defaults and a fresh random key. */
public final class MessageLogBuilder {

  private String uid = "academy-1";
  private MessageKey key = new MessageKey(Unique.name("key"));
  private String ruleId = "overdue-daily";
  private String ruleName = "Overdue reminder";
  private String occurrence = "2026-11-10T10:00";
  private String studentId = "stu-001";
  private String studentName = "Ali Raza";
  private Optional<String> to = Optional.of("923001234567");
  private String body = "Dear Parent, the fee of PKR 4,000 for Ali Raza is overdue.";
  private MessageStatus status = MessageStatus.QUEUED;
  private Optional<String> reason = Optional.empty();
  private int attempts;
  private Instant queuedAt = Instant.parse("2026-11-10T05:00:00Z");
  private Instant updatedAt = queuedAt;
  private Optional<String> providerMessageId = Optional.empty();

  private MessageLogBuilder() {}

  public static MessageLogBuilder aMessageLog() {
    return new MessageLogBuilder();
  }

  public MessageLogBuilder forAccount(String value) {
    this.uid = value;
    return this;
  }

  public MessageLogBuilder withKey(MessageKey value) {
    this.key = value;
    return this;
  }

  public MessageLogBuilder forStudent(String id, String name) {
    this.studentId = id;
    this.studentName = name;
    return this;
  }

  public MessageLogBuilder withBody(String value) {
    this.body = value;
    return this;
  }

  public MessageLogBuilder withStatus(MessageStatus value) {
    this.status = value;
    return this;
  }

  public MessageLogBuilder withReason(String value) {
    this.reason = Optional.of(value);
    return this;
  }

  public MessageLogBuilder withAttempts(int value) {
    this.attempts = value;
    return this;
  }

  public MessageLogBuilder queuedAt(Instant value) {
    this.queuedAt = value;
    this.updatedAt = value;
    return this;
  }

  public MessageLogBuilder withProviderMessageId(String value) {
    this.providerMessageId = Optional.of(value);
    return this;
  }

  public MessageLog build() {
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
        Optional.of(queuedAt),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        updatedAt,
        providerMessageId);
  }
}
