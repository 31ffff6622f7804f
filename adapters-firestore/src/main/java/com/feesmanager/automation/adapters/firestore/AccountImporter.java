package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an account file (SPEC §9, as a parsed JSON tree) into Firestore: {@code users/{uid}} and
 * its {@code students}, {@code templates} and {@code automationRules}, each document replaced
 * whole, up to 500 per commit. Importing the same file again writes the same documents, so it is
 * idempotent; documents that are not in the file are left alone. Numbers become Long or Double and
 * a rule's {@code createdAt} string a Timestamp, as the web app writes them.
 */
public final class AccountImporter {

  private static final List<String> SECTIONS = List.of("students", "templates", "automationRules");

  /** What one import wrote. */
  public record Imported(String uid, int students, int templates, int rules) {
    public Imported {
      Objects.requireNonNull(uid, "'uid' must not be null");
    }

    public int documents() {
      return 1 + students + templates + rules;
    }
  }

  private final Firestore firestore;
  private final Calls calls;

  AccountImporter(Firestore firestore, Calls calls) {
    this.firestore = firestore;
    this.calls = calls;
  }

  /**
   * Imports one account file tree; a tree without a {@code uid} or with a section that is not an
   * object is an {@link IllegalArgumentException} naming it, and nothing is written.
   */
  public Imported importAccount(Map<String, Object> accountFile) {
    Objects.requireNonNull(accountFile, "'accountFile' must not be null");
    if (!(accountFile.get("uid") instanceof String uid) || uid.isBlank() || uid.contains("/")) {
      throw new IllegalArgumentException(
          "an account file needs \"uid\": the account's id, a non-empty string without '/'");
    }
    Map<String, Map<?, ?>> sections = new LinkedHashMap<>();
    for (String name : List.of("account", "students", "templates", "automationRules")) {
      Object section = accountFile.get(name);
      if (section == null) {
        sections.put(name, Map.of());
      } else if (section instanceof Map<?, ?> map) {
        sections.put(name, map);
      } else {
        throw new IllegalArgumentException(
            "account file of " + uid + ": \"" + name + "\" must be a JSON object");
      }
    }
    for (String name : SECTIONS) {
      for (Map.Entry<?, ?> doc : sections.get(name).entrySet()) {
        String id = String.valueOf(doc.getKey());
        if (!(doc.getValue() instanceof Map<?, ?>) || id.isBlank() || id.contains("/")) {
          throw new IllegalArgumentException(
              "account file of "
                  + uid
                  + ": "
                  + name
                  + " \""
                  + id
                  + "\" must be a JSON object under an id without '/'");
        }
      }
    }
    DocumentReference user = firestore.collection("users").document(uid);
    List<Map.Entry<DocumentReference, Map<String, Object>>> writes = new ArrayList<>();
    writes.add(Map.entry(user, FirestoreValues.storableMap(sections.get("account"))));
    for (String name : SECTIONS) {
      sections
          .get(name)
          .forEach(
              (id, doc) -> {
                Map<String, Object> fields = FirestoreValues.storableMap((Map<?, ?>) doc);
                if (name.equals("automationRules") && fields.containsKey("createdAt")) {
                  fields.put("createdAt", FirestoreValues.timestampIfIso(fields.get("createdAt")));
                }
                writes.add(Map.entry(user.collection(name).document(String.valueOf(id)), fields));
              });
    }
    for (int from = 0; from < writes.size(); from += WriteBehind.MAX_BATCH) {
      var chunk = writes.subList(from, Math.min(from + WriteBehind.MAX_BATCH, writes.size()));
      try {
        calls.read(
            "import of account " + uid,
            () -> {
              // a fresh batch per attempt: a committed batch cannot be committed again
              WriteBatch batch = firestore.batch();
              chunk.forEach(write -> batch.set(write.getKey(), write.getValue()));
              return batch.commit();
            });
      } catch (StoreUnavailable e) {
        throw new StoreUnavailable(
            "import of account "
                + uid
                + " stopped after "
                + from
                + " document(s): "
                + e.getMessage(),
            e);
      }
    }
    return new Imported(
        uid,
        sections.get("students").size(),
        sections.get("templates").size(),
        sections.get("automationRules").size());
  }
}
