package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.RuleSource;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account's {@code automationRules} (as drafts, for the core to validate) and {@code templates};
 * the two collections are read together, and the last good book serves during an outage.
 */
public final class FirestoreRuleSource implements RuleSource {

  private final Firestore firestore;
  private final Calls calls;
  private final ReadCache cache;

  FirestoreRuleSource(Firestore firestore, Calls calls, ReadCache cache) {
    this.firestore = firestore;
    this.calls = calls;
    this.cache = cache;
  }

  @Override
  public RuleBook rules(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return cache.read("rules/" + uid, "rules of account " + uid, () -> read(uid));
  }

  private RuleBook read(String uid) {
    String root = "users/" + uid + "/";
    // both queries run together: one round trip's wait, not two
    List<QuerySnapshot> both =
        calls.read(
            root + "automationRules and templates",
            () ->
                ApiFutures.allAsList(
                    List.<ApiFuture<QuerySnapshot>>of(
                        firestore.collection(root + "automationRules").get(),
                        firestore.collection(root + "templates").get())));
    QuerySnapshot ruleDocs = both.get(0);
    QuerySnapshot templateDocs = both.get(1);
    List<RuleDraft> rules = new ArrayList<>();
    for (QueryDocumentSnapshot doc : ruleDocs.getDocuments()) {
      rules.add(AccountDocuments.rule(uid, doc.getId(), FirestoreValues.plain(doc.getData())));
    }
    Map<String, Template> templates = new LinkedHashMap<>();
    List<DocumentProblem> problems = new ArrayList<>();
    for (QueryDocumentSnapshot doc : templateDocs.getDocuments()) {
      Mapped<Template> mapped =
          AccountDocuments.template(uid, doc.getId(), FirestoreValues.plain(doc.getData()));
      if (mapped instanceof Mapped.Ok<Template> ok) {
        templates.put(doc.getId(), ok.value());
      } else if (mapped instanceof Mapped.Broken<Template> broken) {
        problems.addAll(broken.problems());
      }
    }
    return new RuleBook(rules, templates, problems);
  }
}
