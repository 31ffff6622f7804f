package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.RuleSource;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import java.util.List;
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
    return StoredDocuments.ruleBook(
        uid,
        both.get(0).getDocuments().stream().map(FirestoreAccountDirectory::stored).toList(),
        both.get(1).getDocuments().stream().map(FirestoreAccountDirectory::stored).toList());
  }
}
