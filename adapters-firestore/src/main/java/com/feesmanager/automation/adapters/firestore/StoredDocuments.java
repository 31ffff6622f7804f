package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Account, rule and template documents as read by either client (gRPC or REST), mapped into what
 * the ports hand out: one mapping for both, so they cannot drift apart.
 */
final class StoredDocuments {

  private StoredDocuments() {}

  /** A document's id and its data as the gRPC client's {@code getData()} hands it out. */
  record Stored(String id, Map<String, Object> data) {}

  static Mapped<AccountSettings> account(Stored document, AccountDefaults defaults) {
    return AccountDocuments.account(
        document.id(), FirestoreValues.plain(document.data()), defaults);
  }

  /**
   * The enabled accounts among {@code documents} and the problems of those that cannot be read; the
   * cache keeps copies of these accounts only (disabled or deleted accounts, and enabled ones that
   * cannot be read, are not served: their rules and students leave the cache).
   */
  static AccountScan scan(List<Stored> documents, AccountDefaults defaults, ReadCache cache) {
    List<AccountSettings> accounts = new ArrayList<>();
    List<DocumentProblem> problems = new ArrayList<>();
    for (Stored document : documents) {
      Mapped<AccountSettings> mapped = account(document, defaults);
      if (mapped instanceof Mapped.Ok<AccountSettings> ok) {
        accounts.add(ok.value());
      } else if (mapped instanceof Mapped.Broken<AccountSettings> broken) {
        problems.addAll(broken.problems());
      }
    }
    cache.retainAccounts(
        accounts.stream().map(AccountSettings::uid).collect(Collectors.toUnmodifiableSet()));
    return new AccountScan(accounts, problems);
  }

  /** An account's rule drafts and templates, with the problems of templates that cannot be read. */
  static RuleBook ruleBook(String uid, List<Stored> ruleDocuments, List<Stored> templateDocuments) {
    List<RuleDraft> rules = new ArrayList<>();
    for (Stored doc : ruleDocuments) {
      rules.add(AccountDocuments.rule(uid, doc.id(), FirestoreValues.plain(doc.data())));
    }
    Map<String, Template> templates = new LinkedHashMap<>();
    List<DocumentProblem> problems = new ArrayList<>();
    for (Stored doc : templateDocuments) {
      Mapped<Template> mapped =
          AccountDocuments.template(uid, doc.id(), FirestoreValues.plain(doc.data()));
      if (mapped instanceof Mapped.Ok<Template> ok) {
        templates.put(doc.id(), ok.value());
      } else if (mapped instanceof Mapped.Broken<Template> broken) {
        problems.addAll(broken.problems());
      }
    }
    return new RuleBook(rules, templates, problems);
  }
}
