package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing the demo account file writes documents that read back as the file says, idempotently.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class AccountImporterIT {

  private static FirestoreConnection connection;

  @BeforeAll
  static void connect() {
    connection =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  /** The demo account file as the CLI hands it over: a JSON tree, decimals as BigDecimal. */
  static Map<String, Object> demoAccountFile() throws Exception {
    Path file = Path.of("..", "examples", "academy-demo.json");
    return new GsonBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
        .create()
        .fromJson(Files.readString(file), new TypeToken<Map<String, Object>>() {}.getType());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> file, String name) {
    return (Map<String, Object>) file.get(name);
  }

  @Test
  void import_writesTheAccountFile_andReadsBackAsTheFileMapsDirectly() throws Exception {
    // given
    Map<String, Object> file = demoAccountFile();
    String uid = (String) file.get("uid");

    // when
    AccountImporter.Imported imported = connection.importer().importAccount(file);

    // then
    assertThat(imported)
        .isEqualTo(
            new AccountImporter.Imported(
                uid,
                section(file, "students").size(),
                section(file, "templates").size(),
                section(file, "automationRules").size()));
    assertThat(connection.accountDirectory().account(uid))
        .contains(
            ((Mapped.Ok<com.feesmanager.automation.domain.account.AccountSettings>)
                    AccountDocuments.account(uid, section(file, "account"), AccountDefaults.SPEC))
                .value());
    List<Mapped<Student>> read = new ArrayList<>();
    connection.studentDirectory().forEachStudent(uid, read::add);
    List<Mapped<Student>> expected = new ArrayList<>();
    section(file, "students")
        .forEach((id, doc) -> expected.add(AccountDocuments.student(uid, id, plain(doc))));
    assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    RuleBook book = connection.ruleSource().rules(uid);
    List<RuleDraft> rules = new ArrayList<>();
    section(file, "automationRules")
        .forEach((id, doc) -> rules.add(AccountDocuments.rule(uid, id, plain(doc))));
    assertThat(book.rules()).containsExactlyInAnyOrderElementsOf(rules);
    assertThat(book.templates()).hasSize(section(file, "templates").size());
    assertThat(book.problems()).isEmpty();
    // the web app's types: whole numbers as integers, createdAt as a timestamp
    DocumentSnapshot student =
        connection.firestore().document("users/" + uid + "/students/stu-001").get().get();
    assertThat(((List<?>) student.get("fees")).get(0))
        .satisfies(fee -> assertThat(((Map<?, ?>) fee).get("amount")).isInstanceOf(Long.class));
    section(file, "automationRules")
        .forEach(
            (id, doc) -> {
              if (((Map<?, ?>) doc).containsKey("createdAt")) {
                assertThat(firestoreValue("users/" + uid + "/automationRules/" + id, "createdAt"))
                    .isInstanceOf(Timestamp.class);
              }
            });
  }

  @Test
  void importingTwice_writesTheSameDocuments() throws Exception {
    // given
    Map<String, Object> file = demoAccountFile();
    file.put("uid", "twice-" + System.nanoTime());
    String uid = (String) file.get("uid");
    connection.importer().importAccount(file);
    List<Map<String, Object>> first = students(uid);

    // when
    AccountImporter.Imported again = connection.importer().importAccount(file);

    // then
    assertThat(again.documents()).isEqualTo(1 + first.size() + 3 + 4);
    assertThat(students(uid)).isEqualTo(first);
  }

  @Test
  void aTreeWithoutUidOrWithABadSection_isRefused_andNothingIsWritten() throws Exception {
    Map<String, Object> noUid = demoAccountFile();
    noUid.remove("uid");
    assertThatThrownBy(() -> connection.importer().importAccount(noUid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"uid\"");
    Map<String, Object> badSection = demoAccountFile();
    badSection.put("uid", "bad-" + System.nanoTime());
    badSection.put("templates", List.of("not", "an", "object"));
    assertThatThrownBy(() -> connection.importer().importAccount(badSection))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"templates\" must be a JSON object");
    assertThat(
            connection.firestore().document("users/" + badSection.get("uid")).get().get().exists())
        .isFalse();
  }

  @Test
  void theAccountDocumentIsMerged_fieldsTheWebAppKeepsThereSurvive() throws Exception {
    // given: a live account where the web app keeps its own fields, at the top and in automation
    Map<String, Object> file = demoAccountFile();
    String uid = "merge-" + System.nanoTime();
    file.put("uid", uid);
    connection
        .firestore()
        .document("users/" + uid)
        .set(
            Map.of(
                "plan",
                "pro",
                "academyName",
                "Old Name",
                "automation",
                Map.of("enabled", false, "webAppNote", "keep me")))
        .get();

    // when
    connection.importer().importAccount(file);

    // then
    DocumentSnapshot account = connection.firestore().document("users/" + uid).get().get();
    assertThat(account.getString("plan")).isEqualTo("pro");
    assertThat(account.getString("automation.webAppNote")).isEqualTo("keep me");
    assertThat(account.getBoolean("automation.enabled")).isTrue();
    assertThat(account.getString("academyName")).isEqualTo("Bright Future Academy");
  }

  @Test
  void aDryRun_saysWhatWouldChange_andWritesNothing() throws Exception {
    // given: the account imported once, then changed by hand in three places
    Map<String, Object> file = demoAccountFile();
    String uid = "dry-" + System.nanoTime();
    file.put("uid", uid);
    connection.importer().importAccount(file);
    connection
        .firestore()
        .document("users/" + uid)
        .update(Map.of("academyName", "Renamed", "plan", "pro"))
        .get();
    connection.firestore().document("users/" + uid + "/students/stu-002").delete().get();
    connection
        .firestore()
        .document("users/" + uid + "/templates/overdue-en")
        .update(Map.of("extra", "x"))
        .get();
    Map<String, Object> before =
        connection.firestore().document("users/" + uid).get().get().getData();

    // when
    List<AccountImporter.Change> changes = connection.importer().dryRun(file);

    // then
    assertThat(changes).hasSize(1 + 30 + 3 + 4);
    assertThat(changes.get(0))
        .isEqualTo(
            new AccountImporter.Change(
                "users/" + uid, AccountImporter.Change.Kind.UPDATE, List.of("academyName")));
    assertThat(changes)
        .filteredOn(change -> change.kind() != AccountImporter.Change.Kind.UNCHANGED)
        .extracting(AccountImporter.Change::path, AccountImporter.Change::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("users/" + uid, AccountImporter.Change.Kind.UPDATE),
            org.assertj.core.groups.Tuple.tuple(
                "users/" + uid + "/students/stu-002", AccountImporter.Change.Kind.CREATE),
            org.assertj.core.groups.Tuple.tuple(
                "users/" + uid + "/templates/overdue-en", AccountImporter.Change.Kind.UPDATE));
    assertThat(changes)
        .filteredOn(change -> change.path().endsWith("overdue-en"))
        .singleElement()
        .extracting(AccountImporter.Change::fields)
        .isEqualTo(List.of("extra"));
    assertThat(connection.firestore().document("users/" + uid).get().get().getData())
        .isEqualTo(before);
    assertThat(
            connection
                .firestore()
                .document("users/" + uid + "/students/stu-002")
                .get()
                .get()
                .exists())
        .isFalse();
  }

  private static Object firestoreValue(String path, String field) {
    try {
      return connection.firestore().document(path).get().get().get(field);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Map<String, Object>> students(String uid) throws Exception {
    return connection
        .firestore()
        .collection("users/" + uid + "/students")
        .get()
        .get()
        .getDocuments()
        .stream()
        .map(DocumentSnapshot::getData)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Object doc) {
    return (Map<String, Object>) doc;
  }
}
