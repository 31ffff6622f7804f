package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts in {@code users} with {@code automation.enabled == true} (one equality query on a
 * nested field, served by Firestore's automatic single-field index), mapped with SPEC §1 defaults.
 */
public final class FirestoreAccountDirectory implements AccountDirectory {

  private static final String SCAN = "accounts";

  private final Firestore firestore;
  private final Calls calls;
  private final ReadCache cache;
  private final AccountDefaults defaults;

  FirestoreAccountDirectory(
      Firestore firestore, Calls calls, ReadCache cache, AccountDefaults defaults) {
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
    QuerySnapshot snapshot =
        calls.read(
            "users where automation.enabled == true",
            () -> firestore.collection("users").whereEqualTo("automation.enabled", true).get());
    return StoredDocuments.scan(
        snapshot.getDocuments().stream().map(FirestoreAccountDirectory::stored).toList(),
        defaults,
        cache);
  }

  @Override
  public Optional<AccountSettings> account(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    String key = "account/" + uid;
    Optional<AccountSettings> account =
        cache.read(
            key,
            "account " + uid,
            () -> {
              DocumentSnapshot document =
                  calls.read("users/" + uid, () -> firestore.document("users/" + uid).get());
              if (!document.exists()) {
                return Optional.<AccountSettings>empty();
              }
              return map(document) instanceof Mapped.Ok<AccountSettings> ok
                  ? Optional.of(ok.value())
                  : Optional.<AccountSettings>empty();
            });
    return account;
  }

  private Mapped<AccountSettings> map(DocumentSnapshot document) {
    return StoredDocuments.account(stored(document), defaults);
  }

  static StoredDocuments.Stored stored(DocumentSnapshot document) {
    return new StoredDocuments.Stored(document.getId(), document.getData());
  }
}
