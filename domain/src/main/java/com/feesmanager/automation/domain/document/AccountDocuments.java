package com.feesmanager.automation.domain.document;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.QuietHours;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.account.Template;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC §1's documents to the model. Values are what Firestore and JSON give: String, Boolean,
 * Number (Long, Integer, Double, BigDecimal), List, Map, and for timestamps an {@link
 * java.time.Instant} or an ISO-8601 string. Unknown fields are ignored.
 *
 * <p>Reading rules shared by every document: a {@code null} value is the same as an absent one; an
 * optional string that is blank is absent (a cleared form field), so its default applies; an int
 * field takes any whole number (3, 3L, 3.0) and rejects 1.5; a timestamp string needs an offset or
 * {@code Z}, since a local date-time would depend on a zone the document does not state. A document
 * with any problem is {@link Mapped.Broken} as a whole, listing every problem found: a student with
 * one unreadable fee record is skipped rather than reminded of the wrong total.
 */
public final class AccountDocuments {

  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final String HH_MM = "must be a time HH:mm (24 h)";
  private static final String DATE = "must be a date YYYY-MM-DD";
  private static final String MONTH = "must be a month YYYY-MM";
  private static final String SESSION = "must be 1 to 64 characters of A-Z a-z 0-9 _ -";

  /**
   * SPEC §1.1: a session name the gateway can take as a path segment; anything else would start a
   * made-up browser session on the gateway or reach another one's URL.
   */
  private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** SPEC §1.2: a fee {@code amount} or {@code paid} above this cannot be understood. */
  static final BigDecimal MAX_FEE = BigDecimal.TEN.pow(12);

  private AccountDocuments() {}

  /** {@code users/{uid}}. */
  public static Mapped<AccountSettings> account(
      String uid, Map<String, Object> doc, AccountDefaults defaults) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(defaults, "'defaults' must not be null");
    DocumentFields fields = DocumentFields.of(doc);
    String academyName = fields.string("academyName").orElse("");
    ZoneId timezone =
        fields
            .parsedText("timezone", ZoneId::of, "must be an IANA time zone id, e.g. Asia/Karachi")
            .orElse(defaults.timezone());
    String currency = fields.text("currency").orElse("PKR");
    Automation automation = automation(fields.child("automation"), defaults);
    return mapped(
        "users/" + uid,
        fields,
        () -> new AccountSettings(uid, academyName, timezone, currency, automation));
  }

  private static Automation automation(DocumentFields fields, AccountDefaults defaults) {
    boolean enabled = fields.bool("enabled").orElse(false);
    String wppSession =
        fields
            .parsedText("wppSession", AccountDocuments::sessionName, SESSION)
            .orElse(defaults.wppSession());
    int maxPerHour = positive(fields, "maxPerHour").orElse(defaults.maxPerHour());
    int maxPerDay = positive(fields, "maxPerDay").orElse(defaults.maxPerDay());
    Optional<QuietHours> quietHours = fields.map("quietHours").flatMap(AccountDocuments::quiet);
    List<LocalDate> holidays =
        fields.parsedStrings("holidays", LocalDate::parse, DATE).orElse(List.of());
    return new Automation(
        enabled, wppSession, maxPerHour, maxPerDay, quietHours, Set.copyOf(holidays));
  }

  private static String sessionName(String text) {
    if (!SESSION_NAME.matcher(text).matches()) {
      throw new IllegalArgumentException(SESSION);
    }
    return text;
  }

  private static Optional<Integer> positive(DocumentFields fields, String key) {
    Optional<Integer> value = fields.integer(key);
    if (value.isPresent() && value.get() <= 0) {
      fields.problem(key, "must be > 0, found " + value.get());
      return Optional.empty();
    }
    return value;
  }

  private static Optional<QuietHours> quiet(DocumentFields fields) {
    // A window with neither end set is how a form clears it: no quiet hours.
    if (fields.isBlankOrAbsent("start") && fields.isBlankOrAbsent("end")) {
      return Optional.empty();
    }
    Optional<LocalTime> start = fields.requiredParsed("start", AccountDocuments::hourMinute, HH_MM);
    Optional<LocalTime> end = fields.requiredParsed("end", AccountDocuments::hourMinute, HH_MM);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (start.get().equals(end.get())) {
      fields.problemWithMap("start and end must differ, both are " + start.get());
      return Optional.empty();
    }
    return Optional.of(new QuietHours(start.get(), end.get()));
  }

  private static LocalTime hourMinute(String text) {
    return LocalTime.parse(text, HOUR_MINUTE);
  }

  /**
   * {@code users/{uid}/students/{studentId}}. A phone written as a JSON number (923001234567) is
   * read as its digits; a number cannot carry a leading 0 or '+', so local numbers must be strings.
   */
  public static Mapped<Student> student(String uid, String studentId, Map<String, Object> doc) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(studentId, "'studentId' must not be null");
    DocumentFields fields = DocumentFields.of(doc);
    Optional<String> name = fields.requiredText("name");
    Optional<String> guardianName = fields.text("guardianName");
    Optional<String> phone = fields.textOrDigits("phone");
    Optional<String> guardianPhone = fields.textOrDigits("guardianPhone");
    Optional<String> className = fields.text("className");
    boolean active = fields.bool("active").orElse(true);
    boolean optOut = fields.bool("optOut").orElse(false);
    List<FeeRecord> fees = new ArrayList<>();
    for (DocumentFields fee : fields.maps("fees")) {
      feeRecord(fee).ifPresent(fees::add);
    }
    return mapped(
        "users/" + uid + "/students/" + studentId,
        fields,
        () ->
            new Student(
                studentId,
                name.orElseThrow(),
                guardianName,
                phone,
                guardianPhone,
                className,
                active,
                optOut,
                fees));
  }

  private static Optional<FeeRecord> feeRecord(DocumentFields fields) {
    Optional<YearMonth> month = fields.requiredParsed("month", YearMonth::parse, MONTH);
    Optional<Money> amount = money(fields, "amount", true);
    Optional<Money> paid = money(fields, "paid", false);
    Optional<LocalDate> dueDate = fields.requiredParsed("dueDate", LocalDate::parse, DATE);
    if (month.isEmpty() || amount.isEmpty() || dueDate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FeeRecord(month.get(), amount.get(), paid.orElse(Money.ZERO), dueDate.get()));
  }

  private static Optional<Money> money(DocumentFields fields, String key, boolean required) {
    if (required && !fields.has(key)) {
      fields.problem(key, "is required");
      return Optional.empty();
    }
    Optional<BigDecimal> number = fields.decimal(key);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    if (number.get().signum() < 0) {
      fields.problem(key, "must be ≥ 0, found " + number.get());
      return Optional.empty();
    }
    if (number.get().compareTo(MAX_FEE) > 0) {
      fields.problem(key, "must be at most 10^12, found " + number.get().toPlainString());
      return Optional.empty();
    }
    return Optional.of(Money.of(number.get()));
  }

  /** {@code users/{uid}/templates/{templateId}}; a missing or blank name is the id. */
  public static Mapped<Template> template(String uid, String templateId, Map<String, Object> doc) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(templateId, "'templateId' must not be null");
    DocumentFields fields = DocumentFields.of(doc);
    String name = fields.text("name").orElse(templateId);
    Optional<String> body = fields.requiredText("body");
    return mapped(
        "users/" + uid + "/templates/" + templateId,
        fields,
        () -> new Template(templateId, name, body.orElseThrow()));
  }

  /**
   * {@code users/{uid}/automationRules/{ruleId}}: always a draft; type problems are carried in it
   * so that validation reports them with the rest. Blank strings are absent (a blank inline {@code
   * template} does not hide {@code templateId}); whether a value is required or well-formed
   * (frequency, time, …) is the validator's to say.
   */
  public static RuleDraft rule(String uid, String ruleId, Map<String, Object> doc) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    DocumentFields fields = DocumentFields.of(doc);
    Optional<String> name = fields.text("name");
    boolean enabled = fields.bool("enabled").orElse(true);
    DocumentFields schedule = fields.child("schedule");
    Optional<String> frequency = schedule.text("frequency");
    Optional<String> time = schedule.text("time");
    List<String> daysOfWeek = schedule.strings("daysOfWeek").orElse(List.of());
    Optional<Integer> dayOfMonth = schedule.integer("dayOfMonth");
    DocumentFields criteria = fields.child("criteria");
    Optional<List<String>> statuses = criteria.strings("statuses");
    Optional<Integer> minDaysOverdue = criteria.integer("minDaysOverdue");
    Optional<Integer> maxDaysOverdue = criteria.integer("maxDaysOverdue");
    Optional<Integer> dueWithinDays = criteria.integer("dueWithinDays");
    Optional<List<String>> classes = criteria.strings("classes");
    Optional<BigDecimal> minBalance = criteria.decimal("minBalance");
    Optional<String> audience = fields.text("audience");
    Optional<String> templateId = fields.text("templateId");
    Optional<String> template = fields.text("template");
    Optional<Instant> createdAt = fields.instant("createdAt");
    boolean consolidate = fields.bool("consolidate").orElse(false);
    List<RuleProblem> problems =
        fields.issues().stream()
            .map(issue -> new RuleProblem(issue.field(), issue.reason()))
            .toList();
    return new RuleDraft(
        ruleId,
        name,
        enabled,
        frequency,
        time,
        daysOfWeek,
        dayOfMonth,
        statuses,
        minDaysOverdue,
        maxDaysOverdue,
        dueWithinDays,
        classes,
        minBalance,
        audience,
        templateId,
        template,
        createdAt,
        consolidate,
        problems);
  }

  @FunctionalInterface
  private interface Build<T> {
    T build();
  }

  private static <T> Mapped<T> mapped(String path, DocumentFields fields, Build<T> value) {
    List<DocumentFields.Issue> issues = fields.issues();
    if (issues.isEmpty()) {
      return new Mapped.Ok<>(value.build());
    }
    return new Mapped.Broken<>(
        issues.stream()
            .map(issue -> new DocumentProblem(path, issue.field(), issue.reason()))
            .toList());
  }
}
