package com.feesmanager.automation.adapters.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One account file (SPEC §9) as read: where it came from, the account's uid, and its four sections
 * as read-only JSON values keyed by document id, in file order. Documents are mapped to the model
 * only when asked for, so one bad document never stops the others.
 */
public record AccountFile(
    String source,
    String uid,
    Map<String, Object> account,
    Map<String, Object> students,
    Map<String, Object> templates,
    Map<String, Object> automationRules) {

  public AccountFile {
    Objects.requireNonNull(source, "'source' must not be null");
    Objects.requireNonNull(uid, "'uid' must not be null");
    account = readOnly(account, "account");
    students = readOnly(students, "students");
    templates = readOnly(templates, "templates");
    automationRules = readOnly(automationRules, "automationRules");
    if (uid.isBlank()) {
      throw new IllegalArgumentException("'uid' must not be blank");
    }
  }

  // JSON documents may hold nulls, which Map.copyOf refuses
  private static Map<String, Object> readOnly(Map<String, Object> section, String name) {
    Objects.requireNonNull(section, "'" + name + "' must not be null");
    return Collections.unmodifiableMap(new LinkedHashMap<>(section));
  }
}
