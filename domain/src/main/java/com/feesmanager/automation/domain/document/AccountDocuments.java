package com.feesmanager.automation.domain.document;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.rule.RuleDraft;
import java.util.Map;

/**
 * SPEC §1's documents to the model. Values are what Firestore and JSON give: String, Boolean,
 * Number (Long, Integer, Double, BigDecimal), List, Map, and for timestamps an {@link
 * java.time.Instant} or an ISO-8601 string. Unknown fields are ignored.
 */
public final class AccountDocuments {

  private AccountDocuments() {}

  /** {@code users/{uid}}. */
  public static Mapped<AccountSettings> account(
      String uid, Map<String, Object> doc, AccountDefaults defaults) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** {@code users/{uid}/students/{studentId}}. */
  public static Mapped<Student> student(String uid, String studentId, Map<String, Object> doc) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** {@code users/{uid}/templates/{templateId}}. */
  public static Mapped<Template> template(String uid, String templateId, Map<String, Object> doc) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /**
   * {@code users/{uid}/automationRules/{ruleId}}: always a draft; type problems are carried in it
   * so that validation reports them with the rest.
   */
  public static RuleDraft rule(String uid, String ruleId, Map<String, Object> doc) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
