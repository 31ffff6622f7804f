package com.feesmanager.automation.ports.out.contract;

import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Test data: a {@link QueuedMessage} with sensible defaults and a fresh random key. */
public final class QueuedMessageBuilder {

  private String uid = "academy-1";
  private String session = "default";
  private String ruleId = "overdue-daily";
  private String ruleName = "Overdue reminder";
  private String occurrence = "2026-11-10T10:00";
  private MessageKey key = new MessageKey(Unique.name("key"));
  private List<String> studentIds = List.of("stu-001");
  private List<String> studentNames = List.of("Ali Raza");
  private PhoneNumber to = new PhoneNumber("923001234567");
  private String body = "Dear Parent, the fee of PKR 4,000 for Ali Raza is overdue.";
  private List<MatchedFees> fees =
      List.of(new MatchedFees("stu-001", List.of(YearMonth.of(2026, 10))));
  private Instant enqueuedAt = Instant.parse("2026-11-10T05:00:00Z");

  private QueuedMessageBuilder() {}

  public static QueuedMessageBuilder aQueuedMessage() {
    return new QueuedMessageBuilder();
  }

  public QueuedMessageBuilder forAccount(String value) {
    this.uid = value;
    return this;
  }

  public QueuedMessageBuilder inSession(String value) {
    this.session = value;
    return this;
  }

  public QueuedMessageBuilder ofRule(String id, String name) {
    this.ruleId = id;
    this.ruleName = name;
    return this;
  }

  public QueuedMessageBuilder forOccurrence(String value) {
    this.occurrence = value;
    return this;
  }

  public QueuedMessageBuilder withKey(String value) {
    this.key = new MessageKey(value);
    return this;
  }

  public QueuedMessageBuilder forStudents(List<String> ids, List<String> names) {
    this.studentIds = ids;
    this.studentNames = names;
    return this;
  }

  public QueuedMessageBuilder to(String digits) {
    this.to = new PhoneNumber(digits);
    return this;
  }

  public QueuedMessageBuilder withBody(String value) {
    this.body = value;
    return this;
  }

  public QueuedMessageBuilder withFees(List<MatchedFees> value) {
    this.fees = value;
    return this;
  }

  public QueuedMessageBuilder enqueuedAt(Instant value) {
    this.enqueuedAt = value;
    return this;
  }

  public QueuedMessage build() {
    return new QueuedMessage(
        uid,
        session,
        ruleId,
        ruleName,
        occurrence,
        new PlannedMessage(key, studentIds, studentNames, to, body, fees),
        enqueuedAt);
  }
}
