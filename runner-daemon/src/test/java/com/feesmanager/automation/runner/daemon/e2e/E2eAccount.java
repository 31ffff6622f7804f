package com.feesmanager.automation.runner.daemon.e2e;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A generated account file (SPEC §9) for the end-to-end tests and benchmarks: time zone UTC, no
 * quiet hours, one DAILY rule per entry of {@code times}, and {@code students} students with
 * distinct valid numbers of whom {@code overduePercent} % are overdue (the rest have paid), plus
 * one opted-out student (SKIPPED OPTED_OUT) and one with an invalid number (INVALID_PHONE).
 */
record E2eAccount(
    String uid,
    String session,
    List<LocalTime> times,
    Instant createdAt,
    int students,
    int overduePercent,
    int maxPerHour) {

  /** The id of the first rule; further rules are {@code RULE-2}, {@code RULE-3} … */
  static final String RULE = "overdue-daily";

  static final String OPTED_OUT = "stu-opted-out";
  static final String INVALID = "stu-invalid-phone";

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  E2eAccount {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(session, "'session' must not be null");
    times = List.copyOf(times);
    Objects.requireNonNull(createdAt, "'createdAt' must not be null");
    if (students < 0 || overduePercent < 0 || overduePercent > 100 || maxPerHour <= 0) {
      throw new IllegalArgumentException("students ≥ 0, overduePercent 0–100, maxPerHour > 0");
    }
  }

  /** One rule at {@code time}, every student overdue, the spec's 500 sends an hour. */
  E2eAccount(String uid, String session, LocalTime time, Instant createdAt, int students) {
    this(uid, session, List.of(time), createdAt, students, 100, 500);
  }

  /**
   * A fresh account (unique uid and session) with {@code students} overdue students, whose daily
   * rule was due at the start of this minute: a daemon started now fires it at once.
   */
  static E2eAccount dueThisMinute(int students) {
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String id = UUID.randomUUID().toString().substring(0, 8);
    return new E2eAccount(
        "academy-" + id,
        "session-" + id,
        LocalTime.ofInstant(due, ZoneOffset.UTC),
        due.minus(1, ChronoUnit.MINUTES),
        students);
  }

  E2eAccount withTimes(List<LocalTime> newTimes) {
    return new E2eAccount(uid, session, newTimes, createdAt, students, overduePercent, maxPerHour);
  }

  E2eAccount withOverduePercent(int percent) {
    return new E2eAccount(uid, session, times, createdAt, students, percent, maxPerHour);
  }

  /** Sends an hour and a day. */
  E2eAccount withMaxPerHour(int max) {
    return new E2eAccount(uid, session, times, createdAt, students, overduePercent, max);
  }

  E2eAccount withCreatedAt(Instant at) {
    return new E2eAccount(uid, session, times, at, students, overduePercent, maxPerHour);
  }

  /** The id of the rule at {@code times().get(index)}. */
  static String ruleId(int index) {
    return index == 0 ? RULE : RULE + "-" + (index + 1);
  }

  /** The end of every message of the rule at {@code time}, which tells its occurrences apart. */
  static String tag(LocalTime time) {
    return "(reminder of " + time.format(HH_MM) + ")";
  }

  /** The digits the gateway receives for student {@code i} (1-based). */
  String digits(int i) {
    return "92300" + String.format("%07d", 5_550_000 + i);
  }

  /** Whether student {@code i} (1-based) owes fees; the others have paid. */
  boolean overdue(int i) {
    return (i - 1) % 100 < overduePercent;
  }

  int overdueStudents() {
    return (int) IntStream.rangeClosed(1, students).filter(this::overdue).count();
  }

  /** The digits each rule's occurrence sends to. */
  List<String> expectedDigits() {
    return IntStream.rangeClosed(1, students).filter(this::overdue).mapToObj(this::digits).toList();
  }

  /** The whole account file. */
  Map<String, Object> file() {
    Map<String, Object> studentDocs = new LinkedHashMap<>();
    for (int i = 1; i <= students; i++) {
      studentDocs.put(
          String.format("stu-%03d", i),
          student("Student " + i, "0" + digits(i).substring(2), false, overdue(i)));
    }
    studentDocs.put(OPTED_OUT, student("Opted Out", "03005559998", true, true));
    studentDocs.put(INVALID, student("Bad Number", "12345", false, true));
    return file(studentDocs);
  }

  /**
   * The account and its rules without the students: importing it over an imported account replaces
   * the rules and leaves the students alone (the importer writes only what is given).
   */
  Map<String, Object> rulesFile() {
    return file(Map.of());
  }

  private Map<String, Object> file(Map<String, Object> studentDocs) {
    Map<String, Object> rules = new LinkedHashMap<>();
    for (int index = 0; index < times.size(); index++) {
      LocalTime time = times.get(index);
      rules.put(
          ruleId(index),
          Map.of(
              "name",
              "Daily overdue reminder " + (index + 1),
              "enabled",
              true,
              "schedule",
              Map.of("frequency", "DAILY", "time", time.format(HH_MM)),
              "criteria",
              Map.of("statuses", List.of("UNPAID", "PARTIAL"), "minDaysOverdue", 1),
              "audience",
              "GUARDIAN",
              "template",
              "Dear {guardianName|Parent}, {amountDue} for {studentName} is overdue "
                  + tag(time)
                  + ".",
              "createdAt",
              createdAt.toString()));
    }
    return Map.of(
        "uid", uid,
        "account",
            Map.of(
                "academyName", "E2E Academy",
                "timezone", "UTC",
                "automation",
                    Map.of(
                        "enabled",
                        true,
                        "wppSession",
                        session,
                        "maxPerHour",
                        maxPerHour,
                        "maxPerDay",
                        Math.max(5000, maxPerHour))),
        "students", studentDocs,
        "templates", Map.of(),
        "automationRules", rules);
  }

  private static Map<String, Object> student(
      String name, String phone, boolean optOut, boolean owes) {
    return Map.of(
        "name",
        name,
        "guardianPhone",
        phone,
        "optOut",
        optOut,
        "fees",
        List.of(
            Map.of(
                "month",
                "2026-10",
                "amount",
                4000,
                "paid",
                owes ? 0 : 4000,
                "dueDate",
                "2026-10-10")));
  }
}
