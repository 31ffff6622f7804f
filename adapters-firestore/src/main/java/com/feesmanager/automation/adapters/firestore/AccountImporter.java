package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import com.google.cloud.firestore.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an account file (SPEC §9, as a parsed JSON tree) into Firestore: {@code users/{uid}} is
 * merged (fields the web app keeps there and the file lacks survive, SPEC §8), its {@code
 * students}, {@code templates} and {@code automationRules} are each replaced whole (a stale inline
 * {@code template} left in a rule would win over the file's {@code templateId}), up to 500 per
 * commit. Importing the same file again writes the same documents, so it is idempotent; documents
 * that are not in the file are left alone. Numbers become Long or Double and a rule's {@code
 * createdAt} string a Timestamp, as the web app writes them. {@link #dryRun} reads what is stored
 * and says what an import would change, writing nothing.
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

  /** What an import would do to one document. */
  public record Change(String path, Kind kind, List<String> fields) {
    /** A new document, one whose fields differ, or one already as the file says. */
    public enum Kind {
      CREATE,
      UPDATE,
      UNCHANGED
    }

    public Change {
      Objects.requireNonNull(path, "'path' must not be null");
      Objects.requireNonNull(kind, "'kind' must not be null");
      fields = List.copyOf(fields);
    }
  }

  /** Told after each commit how many of the account's documents are written. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (written, total) -> {};

    void written(int written, int total);
  }

  /** One document of the file: where it goes, its fields, whether it is merged. */
  private record Write(DocumentReference ref, Map<String, Object> fields, boolean merge) {}

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
    return importAccount(accountFile, Progress.NONE);
  }

  /** As {@link #importAccount(Map)}, telling {@code progress} after each commit. */
  public Imported importAccount(Map<String, Object> accountFile, Progress progress) {
    Objects.requireNonNull(progress, "'progress' must not be null");
    Map<String, Map<?, ?>> sections = sections(accountFile);
    String uid = (String) accountFile.get("uid");
    List<Write> writes = writes(uid, sections);
    for (int from = 0; from < writes.size(); from += WriteBehind.MAX_BATCH) {
      var chunk = writes.subList(from, Math.min(from + WriteBehind.MAX_BATCH, writes.size()));
      try {
        calls.read(
            "import of account " + uid,
            () -> {
              // a fresh batch per attempt: a committed batch cannot be committed again
              WriteBatch batch = firestore.batch();
              chunk.forEach(
                  write -> {
                    if (write.merge()) {
                      batch.set(write.ref(), write.fields(), SetOptions.merge());
                    } else {
                      batch.set(write.ref(), write.fields());
                    }
                  });
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
      progress.written(from + chunk.size(), writes.size());
    }
    return new Imported(
        uid,
        sections.get("students").size(),
        sections.get("templates").size(),
        sections.get("automationRules").size());
  }

  /**
   * What importing {@code accountFile} would change, document by document, in file order: reads the
   * stored documents (500 at a time) and writes nothing.
   */
  public List<Change> dryRun(Map<String, Object> accountFile) {
    Map<String, Map<?, ?>> sections = sections(accountFile);
    String uid = (String) accountFile.get("uid");
    List<Write> writes = writes(uid, sections);
    List<Change> changes = new ArrayList<>(writes.size());
    for (int from = 0; from < writes.size(); from += WriteBehind.MAX_BATCH) {
      var chunk = writes.subList(from, Math.min(from + WriteBehind.MAX_BATCH, writes.size()));
      List<DocumentSnapshot> stored =
          calls.read(
              "documents of account " + uid,
              () ->
                  firestore.getAll(
                      chunk.stream().map(Write::ref).toArray(DocumentReference[]::new)));
      for (int i = 0; i < chunk.size(); i++) {
        changes.add(change(chunk.get(i), stored.get(i)));
      }
    }
    return changes;
  }

  private static Change change(Write write, DocumentSnapshot stored) {
    String path = write.ref().getPath();
    if (!stored.exists()) {
      return new Change(path, Change.Kind.CREATE, List.of());
    }
    Map<String, Object> data = stored.getData() == null ? Map.of() : stored.getData();
    List<String> fields = DocumentDiff.changedFields(data, write.fields(), write.merge());
    return new Change(path, fields.isEmpty() ? Change.Kind.UNCHANGED : Change.Kind.UPDATE, fields);
  }

  /** The file's sections, checked: a problem is an {@link IllegalArgumentException} naming it. */
  private static Map<String, Map<?, ?>> sections(Map<String, Object> accountFile) {
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
    return sections;
  }

  private List<Write> writes(String uid, Map<String, Map<?, ?>> sections) {
    DocumentReference user = firestore.collection("users").document(uid);
    List<Write> writes = new ArrayList<>();
    writes.add(new Write(user, FirestoreValues.storableMap(sections.get("account")), true));
    for (String name : SECTIONS) {
      sections
          .get(name)
          .forEach(
              (id, doc) -> {
                Map<String, Object> fields = FirestoreValues.storableMap((Map<?, ?>) doc);
                if (name.equals("automationRules") && fields.containsKey("createdAt")) {
                  fields.put("createdAt", FirestoreValues.timestampIfIso(fields.get("createdAt")));
                }
                writes.add(
                    new Write(user.collection(name).document(String.valueOf(id)), fields, false));
              });
    }
    return writes;
  }
}
