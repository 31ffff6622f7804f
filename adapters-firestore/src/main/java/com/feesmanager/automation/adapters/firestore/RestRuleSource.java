package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.RuleSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An account's {@code automationRules} and {@code templates}: both collections queried together,
 * served by the read cache while Firestore is away.
 */
final class RestRuleSource implements RuleSource {

  private final RestFirestore firestore;
  private final Calls calls;
  private final ReadCache cache;

  RestRuleSource(RestFirestore firestore, Calls calls, ReadCache cache) {
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
    String account = "users/" + uid;
    // both queries are sent at once: one round trip's wait, not two
    List<List<RestFirestore.Document>> both =
        calls.read(
            account + "/automationRules and templates",
            () -> {
              CompletableFuture<List<RestFirestore.Document>> rules =
                  firestore.query(RestFirestore.Query.of(account, "automationRules"));
              CompletableFuture<List<RestFirestore.Document>> templates =
                  firestore.query(RestFirestore.Query.of(account, "templates"));
              return rules.thenCombine(templates, List::of);
            });
    return StoredDocuments.ruleBook(
        uid,
        both.get(0).stream().map(RestAccountDirectory::stored).toList(),
        both.get(1).stream().map(RestAccountDirectory::stored).toList());
  }
}
