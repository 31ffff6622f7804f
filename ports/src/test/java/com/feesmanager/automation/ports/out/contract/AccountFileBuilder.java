package com.feesmanager.automation.ports.out.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: one account file tree (SPEC §9) as a map of JSON values (String, Boolean, Number,
 * List, Map; timestamps as ISO-8601 strings). Starts as an enabled account with nothing else.
 */
public final class AccountFileBuilder {

  private final String uid;
  private Map<String, Object> account = doc("automation", doc("enabled", true));
  private final Map<String, Object> students = new LinkedHashMap<>();
  private final Map<String, Object> templates = new LinkedHashMap<>();
  private final Map<String, Object> rules = new LinkedHashMap<>();

  private AccountFileBuilder(String uid) {
    this.uid = uid;
  }

  public static AccountFileBuilder anAccountFile(String uid) {
    return new AccountFileBuilder(uid);
  }

  /** Replaces the {@code account} document ({@code users/{uid}}). */
  public AccountFileBuilder withAccount(Map<String, Object> doc) {
    this.account = doc;
    return this;
  }

  public AccountFileBuilder withStudent(String studentId, Map<String, Object> doc) {
    students.put(studentId, doc);
    return this;
  }

  public AccountFileBuilder withTemplate(String templateId, String name, String body) {
    templates.put(templateId, doc("name", name, "body", body));
    return this;
  }

  public AccountFileBuilder withTemplate(String templateId, Map<String, Object> doc) {
    templates.put(templateId, doc);
    return this;
  }

  public AccountFileBuilder withRule(String ruleId, Map<String, Object> doc) {
    rules.put(ruleId, doc);
    return this;
  }

  public Map<String, Object> build() {
    return doc(
        "uid",
        uid,
        "account",
        account,
        "students",
        new LinkedHashMap<>(students),
        "templates",
        new LinkedHashMap<>(templates),
        "automationRules",
        new LinkedHashMap<>(rules));
  }

  /** An ordered document from alternating field names and values. */
  public static Map<String, Object> doc(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      doc.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return doc;
  }

  /** A fee record: {@code {month, amount, paid, dueDate}}. */
  public static Map<String, Object> fee(String month, Number amount, Number paid, String dueDate) {
    return doc("month", month, "amount", amount, "paid", paid, "dueDate", dueDate);
  }

  /** A student with a guardian and the given fee records. */
  public static Map<String, Object> student(
      String name, String className, String guardianPhone, List<Map<String, Object>> fees) {
    return doc(
        "name",
        name,
        "guardianName",
        "Guardian of " + name,
        "guardianPhone",
        guardianPhone,
        "className",
        className,
        "fees",
        fees);
  }
}
