package com.feesmanager.automation.application;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test data for the use-case tests: one Karachi academy, its students and messages. */
final class Fixtures {

  static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
  static final String UID = "academy-1";
  static final String SESSION = "academy-1-session";

  private Fixtures() {}

  static AccountSettings account() {
    return account(Optional.empty(), Set.of());
  }

  static AccountSettings account(Optional<QuietHours> quietHours, Set<LocalDate> holidays) {
    return new AccountSettings(
        UID,
        "Bright Future Academy",
        KARACHI,
        "PKR",
        new Automation(true, SESSION, 100, 1000, quietHours, holidays));
  }

  /** Another academy like {@link #account()}, with its own uid and session. */
  static AccountSettings otherAccount(String uid) {
    return new AccountSettings(
        uid,
        "Academy " + uid,
        KARACHI,
        "PKR",
        new Automation(true, uid + "-session", 100, 1000, Optional.empty(), Set.of()));
  }

  static Student student(String id, String name, String guardianPhone, long amount, long paid) {
    return new Student(
        id,
        name,
        Optional.of("Guardian of " + name),
        Optional.empty(),
        Optional.of(guardianPhone),
        Optional.of("Class 7"),
        true,
        false,
        List.of(
            new FeeRecord(
                YearMonth.of(2026, 11),
                Money.of(amount),
                Money.of(paid),
                LocalDate.of(2026, 11, 10))));
  }

  /** A daily 10:00 rule for overdue fees with the given template body. */
  static RuleDraft dailyDraft(String id, String body) {
    return new RuleDraft(
        id,
        Optional.of("Rule " + id),
        true,
        Optional.of("DAILY"),
        Optional.of("10:00"),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(1),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(body),
        Optional.empty(),
        false,
        List.of());
  }

  static QueuedMessage queued(String studentId, String to) {
    PlannedMessage message =
        new PlannedMessage(
            new MessageKey("key-" + studentId),
            List.of(studentId),
            List.of("Student " + studentId),
            new PhoneNumber(to),
            "Dear parent, PKR 5,000 is due.",
            List.of(new MatchedFees(studentId, List.of(YearMonth.of(2026, 11)))));
    return new QueuedMessage(
        UID,
        SESSION,
        "overdue",
        "Overdue",
        "2026-11-20T10:00",
        message,
        Instant.parse("2026-11-20T05:00:00Z"));
  }

  static Claim claim(QueuedMessage message, int attemptsMade, boolean sendStarted, Instant now) {
    return new Claim(message, attemptsMade, sendStarted, "token-1", now.plusSeconds(120));
  }
}
