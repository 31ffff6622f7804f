package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.DocumentProblem;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleProblem;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Accounts, rules, templates and students from account files held in memory (SPEC §9), mapped with
 * the same {@link AccountDocuments} rules as Firestore documents, on every read. The files are read
 * once: an edit shows at the next start. A document that is not a JSON object is reported like any
 * other document that cannot be understood.
 */
public final class FileAccountData implements AccountDirectory, RuleSource, StudentDirectory {

  /** The field named by a problem about a whole document rather than one of its fields. */
  static final String WHOLE_DOCUMENT = "(document)";

  private final Map<String, AccountFile> files = new LinkedHashMap<>();
  private final AccountDefaults defaults;

  public FileAccountData(List<AccountFile> accountFiles, AccountDefaults defaults) {
    Objects.requireNonNull(accountFiles, "'accountFiles' must not be null");
    this.defaults = Objects.requireNonNull(defaults, "'defaults' must not be null");
    AccountFiles.requireDistinctUids(accountFiles);
    accountFiles.forEach(file -> files.put(file.uid(), file));
  }

  /** Reads the account files at {@code paths} (see {@link AccountFiles#readAll}). */
  public static FileAccountData load(List<Path> paths, AccountDefaults defaults) {
    return new FileAccountData(AccountFiles.readAll(paths), defaults);
  }

  @Override
  public AccountScan enabledAccounts() {
    List<AccountSettings> accounts = new ArrayList<>();
    List<DocumentProblem> problems = new ArrayList<>();
    for (AccountFile file : files.values()) {
      Mapped<AccountSettings> mapped =
          AccountDocuments.account(file.uid(), file.account(), defaults);
      if (mapped instanceof Mapped.Ok<AccountSettings> ok) {
        if (ok.value().automation().enabled()) {
          accounts.add(ok.value());
        }
      } else if (mapped instanceof Mapped.Broken<AccountSettings> broken) {
        problems.addAll(broken.problems());
      }
    }
    return new AccountScan(accounts, problems);
  }

  @Override
  public Optional<AccountSettings> account(String uid) {
    return file(uid)
        .flatMap(file -> value(AccountDocuments.account(uid, file.account(), defaults)));
  }

  @Override
  public RuleBook rules(String uid) {
    Optional<AccountFile> found = file(uid);
    if (found.isEmpty()) {
      return new RuleBook(List.of(), Map.of(), List.of());
    }
    AccountFile file = found.get();
    List<RuleDraft> rules = new ArrayList<>();
    file.automationRules()
        .forEach(
            (ruleId, doc) ->
                rules.add(
                    doc instanceof Map<?, ?>
                        ? AccountDocuments.rule(uid, ruleId, document(doc))
                        : notAnObject(ruleId)));
    Map<String, Template> templates = new LinkedHashMap<>();
    List<DocumentProblem> problems = new ArrayList<>();
    file.templates()
        .forEach(
            (templateId, doc) -> {
              Mapped<Template> mapped =
                  doc instanceof Map<?, ?>
                      ? AccountDocuments.template(uid, templateId, document(doc))
                      : broken(path(uid, "templates", templateId));
              if (mapped instanceof Mapped.Ok<Template> ok) {
                templates.put(templateId, ok.value());
              } else if (mapped instanceof Mapped.Broken<Template> broken) {
                problems.addAll(broken.problems());
              }
            });
    return new RuleBook(rules, templates, problems);
  }

  @Override
  public void forEachStudent(String uid, Consumer<Mapped<Student>> each) {
    Objects.requireNonNull(each, "'each' must not be null");
    file(uid)
        .ifPresent(
            file ->
                file.students()
                    .forEach((studentId, doc) -> each.accept(student(uid, studentId, doc))));
  }

  @Override
  public Optional<Student> student(String uid, String studentId) {
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    return file(uid)
        .filter(file -> file.students().containsKey(studentId))
        .flatMap(file -> value(student(uid, studentId, file.students().get(studentId))));
  }

  private Optional<AccountFile> file(String uid) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    return Optional.ofNullable(files.get(uid));
  }

  private static Mapped<Student> student(String uid, String studentId, Object doc) {
    return doc instanceof Map<?, ?>
        ? AccountDocuments.student(uid, studentId, document(doc))
        : broken(path(uid, "students", studentId));
  }

  private static <T> Optional<T> value(Mapped<T> mapped) {
    return mapped instanceof Mapped.Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  @SuppressWarnings("unchecked") // AccountFiles builds every object as a Map<String, Object>
  private static Map<String, Object> document(Object doc) {
    return (Map<String, Object>) doc;
  }

  private static String path(String uid, String collection, String id) {
    return "users/" + uid + "/" + collection + "/" + id;
  }

  private static <T> Mapped<T> broken(String path) {
    return new Mapped.Broken<>(
        List.of(new DocumentProblem(path, WHOLE_DOCUMENT, "must be a JSON object")));
  }

  /** A draft carrying only the problem, so that validation reports the rule with the others. */
  private static RuleDraft notAnObject(String ruleId) {
    return RuleDraft.unreadable(ruleId, new RuleProblem(WHOLE_DOCUMENT, "must be a JSON object"));
  }
}
