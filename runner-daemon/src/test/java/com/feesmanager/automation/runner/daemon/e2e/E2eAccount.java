package com.feesmanager.automation.runner.daemon.e2e;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A generated account file (SPEC §9) for the end-to-end tests: time zone UTC, no quiet hours, one
 * DAILY rule at {@code time}, and {@code students} overdue students with distinct valid numbers,
 * plus one opted-out student (SKIPPED OPTED_OUT) and one with an invalid number (INVALID_PHONE).
 */
record E2eAccount(String uid, String session, LocalTime time, Instant createdAt, int students) {

  static final String RULE = "overdue-daily";
  static final String OPTED_OUT = "stu-opted-out";
  static final String INVALID = "stu-invalid-phone";

  /** The digits the gateway receives for student {@code i} (1-based). */
  String digits(int i) {
    return "92300" + String.format("%07d", 5_550_000 + i);
  }

  List<String> expectedDigits() {
    return IntStream.rangeClosed(1, students).mapToObj(this::digits).toList();
  }

  Map<String, Object> file() {
    Map<String, Object> studentDocs = new LinkedHashMap<>();
    for (int i = 1; i <= students; i++) {
      studentDocs.put(
          String.format("stu-%03d", i),
          student("Student " + i, "0" + digits(i).substring(2), false));
    }
    studentDocs.put(OPTED_OUT, student("Opted Out", "03005559998", true));
    studentDocs.put(INVALID, student("Bad Number", "12345", false));
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
                        500,
                        "maxPerDay",
                        5000)),
        "students", studentDocs,
        "templates", Map.of(),
        "automationRules",
            Map.of(
                RULE,
                Map.of(
                    "name",
                    "Daily overdue reminder",
                    "enabled",
                    true,
                    "schedule",
                    Map.of(
                        "frequency",
                        "DAILY",
                        "time",
                        time.format(DateTimeFormatter.ofPattern("HH:mm"))),
                    "criteria",
                    Map.of("statuses", List.of("UNPAID", "PARTIAL"), "minDaysOverdue", 1),
                    "audience",
                    "GUARDIAN",
                    "template",
                    "Dear {guardianName|Parent}, {amountDue} for {studentName} is overdue.",
                    "createdAt",
                    createdAt.toString())));
  }

  private static Map<String, Object> student(String name, String phone, boolean optOut) {
    return Map.of(
        "name",
        name,
        "guardianPhone",
        phone,
        "optOut",
        optOut,
        "fees",
        List.of(Map.of("month", "2026-10", "amount", 4000, "paid", 0, "dueDate", "2026-10-10")));
  }
}
