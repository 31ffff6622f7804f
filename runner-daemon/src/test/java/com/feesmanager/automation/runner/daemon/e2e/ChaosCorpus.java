package com.feesmanager.automation.runner.daemon.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad input of chaos scenario 6: broken student and rule documents of one account, broken
 * account documents, malformed webhook bodies and bad environment values. Every broken student and
 * rule has a number no sound student uses, so a send to it shows up as a stray.
 */
final class ChaosCorpus {

  private final String uid;
  private final Map<String, Map<String, Object>> students = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();

  ChaosCorpus(String uid) {
    this.uid = uid;
    brokenStudents();
    brokenRules();
    brokenAccounts();
  }

  /** Every document by its path. */
  Map<String, Map<String, Object>> documents() {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    students.forEach((id, doc) -> all.put("users/" + uid + "/students/" + id, doc));
    rules.forEach((id, doc) -> all.put("users/" + uid + "/automationRules/" + id, doc));
    accounts.forEach((id, doc) -> all.put("users/" + id, doc));
    return all;
  }

  int size() {
    return students.size() + rules.size() + accounts.size();
  }

  /** The ids of the documents the account's heartbeat must name. */
  List<String> namedIds() {
    List<String> ids = new ArrayList<>(students.keySet());
    ids.addAll(rules.keySet());
    return ids;
  }

  /**
   * The broken account documents the daemon cannot understand: each must get a heartbeat whose
   * problems say DOCUMENT_UNREADABLE (nothing runs for it, SPEC §2 and §8).
   */
  List<String> unreadableAccountIds() {
    return accounts.keySet().stream().filter(id -> !understoodAccountIds().contains(id)).toList();
  }

  /**
   * Odd account documents read by design: a blank time zone takes the default (SPEC §1.3), a 300 kB
   * academy name is a name (a message it makes too long is skipped BODY_TOO_LONG). Each must still
   * get its heartbeat, as any served account.
   */
  List<String> understoodAccountIds() {
    return List.of("broken-account-07", "broken-account-10");
  }

  private void brokenStudents() {
    int n = 0;
    // a phone stored as a number is read as its digits (by design), so not in the corpus
    student(++n, "guardianPhone", true);
    student(++n, "guardianPhone", Map.of("digits", "923001112233"));
    student(++n, "name", 42);
    student(++n, "name", null);
    student(++n, "fees", "lots");
    student(++n, "fees", List.of("2026-10"));
    student(++n, "fees", List.of(fee("amount", "4000")));
    student(++n, "fees", List.of(fee("amount", -5)));
    student(++n, "fees", List.of(fee("amount", 1e15)));
    student(++n, "fees", List.of(fee("amount", Double.NaN)));
    student(++n, "fees", List.of(fee("amount", Double.POSITIVE_INFINITY)));
    student(++n, "fees", List.of(fee("paid", -1)));
    student(++n, "fees", List.of(fee("dueDate", "2026-13-45")));
    student(++n, "fees", List.of(fee("month", 202610)));
    student(++n, "fees", List.of(fee("amount", null)));
    student(++n, "optOut", "yes");
    student(++n, "fees", List.of(nested(18)));
    student(++n, "guardianPhone", nested(18));
    student(++n, "fees", List.of(fee("amount", 1e300)));
    student(++n, "fees", List.of(fee("dueDate", 20261010)));
  }

  private void brokenRules() {
    int n = 0;
    rule(++n, "schedule", Map.of("frequency", "DAILY", "time", "25:99"));
    rule(++n, "schedule", Map.of("frequency", "HOURLY", "time", "10:00"));
    rule(++n, "schedule", "every day");
    rule(++n, "schedule", null);
    rule(++n, "schedule", Map.of("frequency", "MONTHLY", "time", "10:00", "dayOfMonth", 40));
    rule(++n, "schedule", Map.of("frequency", "WEEKLY", "time", "10:00", "daysOfWeek", "Funday"));
    rule(++n, "template", "Dear {guardianName}, {nonsensePlaceholder} is due.");
    rule(++n, "template", 42);
    rule(++n, "template", "x".repeat(200_000));
    rule(++n, "criteria", Map.of("statuses", "UNPAID"));
    rule(++n, "criteria", Map.of("statuses", List.of("UNPAID"), "minDaysOverdue", -3));
    // unknown criteria fields are ignored (SPEC §1.3 defaults), so the nesting goes in a known one
    rule(++n, "criteria", Map.of("statuses", nested(18)));
    rule(++n, "audience", "NEIGHBOUR");
    rule(++n, "enabled", "true");
    rule(++n, "name", 3.5);
  }

  private void brokenAccounts() {
    account(1, "timezone", "Mars/Olympus");
    account(2, "timezone", 5);
    account(3, "automation", Map.of("enabled", true, "maxPerHour", -1, "wppSession", "bad-3"));
    account(4, "automation", Map.of("enabled", true, "maxPerHour", Double.NaN, "wppSession", "b4"));
    account(5, "automation", Map.of("enabled", true, "maxPerDay", "many", "wppSession", "bad-5"));
    account(6, "automation", Map.of("enabled", true, "wppSession", 42));
    account(7, "academyName", "y".repeat(300_000));
    account(8, "automation", Map.of("enabled", true, "wppSession", nested(15)));
    // quiet hours live under automation: at the top level they were an unknown field, ignored
    account(
        9,
        "automation",
        Map.of(
            "enabled",
            true,
            "wppSession",
            "bad-9",
            "quietHours",
            Map.of("start", "26:00", "end", "07:00")));
    account(10, "timezone", "");
  }

  private void student(int n, String field, Object value) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "Broken " + n);
    doc.put("guardianPhone", "0300" + String.format("%07d", 7_770_000 + n));
    doc.put("optOut", false);
    doc.put("fees", List.of(fee("amount", 4000)));
    doc.put(field, value);
    students.put(String.format("broken-stu-%02d", n), doc);
  }

  private void rule(int n, String field, Object value) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "Broken rule " + n);
    doc.put("enabled", true);
    doc.put("schedule", Map.of("frequency", "DAILY", "time", "10:00"));
    doc.put("criteria", Map.of("statuses", List.of("UNPAID"), "minDaysOverdue", 1));
    doc.put("audience", "GUARDIAN");
    doc.put("template", "Dear {guardianName|Parent}, {amountDue} is overdue.");
    doc.put(field, value);
    rules.put(String.format("broken-rule-%02d", n), doc);
  }

  private void account(int n, String field, Object value) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("academyName", "Broken academy " + n);
    doc.put("timezone", "UTC");
    doc.put("automation", Map.of("enabled", true, "wppSession", "broken-" + n));
    doc.put(field, value);
    accounts.put(String.format("broken-account-%02d", n), doc);
  }

  private static Map<String, Object> fee(String field, Object value) {
    Map<String, Object> fee = new LinkedHashMap<>();
    fee.put("month", "2026-10");
    fee.put("amount", 4000);
    fee.put("paid", 0);
    fee.put("dueDate", "2026-10-10");
    fee.put(field, value);
    return fee;
  }

  /** Maps inside maps, {@code depth} deep (Firestore allows 20). */
  private static Map<String, Object> nested(int depth) {
    Map<String, Object> inner = Map.of("leaf", "x");
    for (int i = 0; i < depth; i++) {
      inner = Map.of("level" + i, inner);
    }
    return inner;
  }

  /** At least 20 webhook bodies that are not a wppconnect event the daemon can use. */
  static List<String> webhookBodies() {
    return List.of(
        "",
        "{",
        "null",
        "[]",
        "42",
        "\"onack\"",
        "{}",
        "{\"event\":123}",
        "{\"event\":\"onack\"}",
        "{\"event\":\"onack\",\"session\":5,\"ack\":3}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":\"high\",\"id\":{}}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":99,\"id\":{\"_serialized\":42}}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":1e999,\"id\":\"x\"}",
        "{\"event\":\"status-find\",\"session\":\"s\",\"status\":null}",
        "{\"event\":\"status-find\",\"session\":[],\"status\":{\"a\":1}}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":3,\"id\":\"" + "9".repeat(200_000) + "\"}",
        "[".repeat(50_000) + "]".repeat(50_000),
        "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
        "{\"event\":\"onack\",\"ack\":NaN}",
        "{}trailing garbage",
        "\u0000\u0001\u0002",
        "{\"event\":\"onmessage\",\"session\":\"s\",\"body\":\"hello\"}",
        "{\"event\":\"onack\",\"session\":\"s\",\"ack\":-1,\"id\":\"true_92300"
            + "5550001@c.us_3EB0NOTOURS\"}");
  }

  /** Bad values of a few variables, each on its own. */
  static Map<String, String> badVariables() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("WPP_TIMEOUT", "soon");
    bad.put("FIRESTORE_CACHE_MAX_AGE", "PT0S");
    bad.put("MAX_ATTEMPTS", "-1");
    bad.put("VISIBILITY_TIMEOUT", "forever");
    bad.put("MIN_SEND_INTERVAL", "9".repeat(400));
    return bad;
  }
}
