package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.AccountDirectory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts at {@code users/{uid}}: the enabled ones by one query ({@code automation.enabled ==
 * true}), one account by a document read; both served by the read cache while Firestore is away.
 */
final class RestAccountDirectory implements AccountDirectory {

  private static final String SCAN = "accounts";

  private final RestFirestore firestore;
  private final Calls calls;
  private final ReadCache cache;
  private final AccountDefaults defaults;

  RestAccountDirectory(
      RestFirestore firestore, Calls calls, ReadCache cache, AccountDefaults defaults) {
    this.firestore = firestore;
    this.calls = calls;
    this.cache = cache;
    this.defaults = defaults;
  }

  @Override
  public AccountScan enabledAccounts() {
    return cache.read(SCAN, "the enabled accounts", this::scan);
  }

  private AccountScan scan() {
    List<RestFirestore.Document> documents =
        calls.read(
            "users where automation.enabled == true",
            () ->
                firestore.query(
                    RestFirestore.Query.of("", "users").where("automation.enabled", true)));
    return StoredDocuments.scan(
        documents.stream().map(RestAccountDirectory::stored).toList(), defaults, cache);
  }

  @Override
  public Optional<AccountSettings> account(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return cache.read(
        key(uid),
        "account " + uid,
        () -> settings(calls.read(path(uid), () -> firestore.get(path(uid)))));
  }

  /** The account read elsewhere (with the documents a send checks); kept as the copy. */
  Optional<AccountSettings> accept(String uid, Optional<RestFirestore.Document> document) {
    Optional<AccountSettings> account = settings(document);
    cache.keep(key(uid), account);
    return account;
  }

  private Optional<AccountSettings> settings(Optional<RestFirestore.Document> document) {
    return document.flatMap(
        stored ->
            StoredDocuments.account(stored(stored), defaults)
                    instanceof Mapped.Ok<AccountSettings> ok
                ? Optional.of(ok.value())
                : Optional.empty());
  }

  static String path(String uid) {
    return "users/" + uid;
  }

  private static String key(String uid) {
    return "account/" + uid;
  }

  static StoredDocuments.Stored stored(RestFirestore.Document document) {
    return new StoredDocuments.Stored(document.id(), document.data());
  }
}
