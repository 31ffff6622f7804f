package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Audience;
import com.feesmanager.automation.domain.rule.Criteria;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.Schedule;
import com.feesmanager.automation.domain.template.CompiledTemplate;
import com.feesmanager.automation.domain.template.TemplateCompilation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test-data builders for matching, templates and reminder planning. */
public final class ReminderTestData {

  public static final String UID = "academy-1";
  public static final String RULE_ID = "overdue-reminder";

  private ReminderTestData() {}

  public static AccountSettings anAccount() {
    return anAccount("Bright Future Academy");
  }

  public static AccountSettings anAccount(String academyName) {
    return new AccountSettings(
        UID,
        academyName,
        ZoneId.of("Asia/Karachi"),
        "PKR",
        new Automation(true, "academy-1", 100, 1000, Optional.empty(), Set.of()));
  }

  /** An UNPAID record (nothing paid yet). */
  public static FeeRecord unpaid(String month, long amount, String dueDate) {
    return new FeeRecord(
        YearMonth.parse(month), Money.of(amount), Money.ZERO, LocalDate.parse(dueDate));
  }

  /** A PARTIAL record when {@code paid < amount}, PAID when {@code paid >= amount}. */
  public static FeeRecord paying(String month, String amount, String paid, String dueDate) {
    return new FeeRecord(
        YearMonth.parse(month),
        Money.of(new BigDecimal(amount)),
        Money.of(new BigDecimal(paid)),
        LocalDate.parse(dueDate));
  }

  public static StudentBuilder aStudent(String id, String name) {
    return new StudentBuilder(id, name);
  }

  public static RuleBuilder aRule(String body) {
    return new RuleBuilder(body);
  }

  public static CompiledTemplate compiled(String body) {
    TemplateCompilation compilation = CompiledTemplate.compile(body);
    if (compilation instanceof TemplateCompilation.Compiled ok) {
      return ok.template();
    }
    throw new IllegalArgumentException("test template does not compile: " + compilation);
  }

  /** The occurrence of {@link #RULE_ID} scheduled at {@code localDateTime} (Karachi, +05:00). */
  public static Occurrence occurrenceAt(String localDateTime) {
    LocalDateTime scheduledFor = LocalDateTime.parse(localDateTime);
    return new Occurrence(RULE_ID, scheduledFor, scheduledFor.toInstant(ZoneOffset.ofHours(5)));
  }

  /** Builds a {@link Student}: active, not opted out, no optional field, no fees. */
  public static final class StudentBuilder {
    private final String id;
    private final String name;
    private Optional<String> guardianName = Optional.empty();
    private Optional<String> phone = Optional.empty();
    private Optional<String> guardianPhone = Optional.empty();
    private Optional<String> className = Optional.empty();
    private boolean active = true;
    private boolean optOut = false;
    private final List<FeeRecord> fees = new ArrayList<>();

    private StudentBuilder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public StudentBuilder guardian(String guardianName) {
      this.guardianName = Optional.of(guardianName);
      return this;
    }

    public StudentBuilder phone(String phone) {
      this.phone = Optional.of(phone);
      return this;
    }

    public StudentBuilder guardianPhone(String guardianPhone) {
      this.guardianPhone = Optional.of(guardianPhone);
      return this;
    }

    public StudentBuilder inClass(String className) {
      this.className = Optional.of(className);
      return this;
    }

    public StudentBuilder inactive() {
      this.active = false;
      return this;
    }

    public StudentBuilder optedOut() {
      this.optOut = true;
      return this;
    }

    public StudentBuilder fee(FeeRecord fee) {
      fees.add(fee);
      return this;
    }

    public Student build() {
      return new Student(
          id, name, guardianName, phone, guardianPhone, className, active, optOut, fees);
    }
  }

  /** Builds a daily {@link Rule} of {@link #RULE_ID}: any criteria, audience GUARDIAN. */
  public static final class RuleBuilder {
    private final String body;
    private Criteria criteria = Criteria.any();
    private Audience audience = Audience.GUARDIAN;
    private boolean consolidate = false;

    private RuleBuilder(String body) {
      this.body = body;
    }

    public RuleBuilder criteria(Criteria criteria) {
      this.criteria = criteria;
      return this;
    }

    public RuleBuilder audience(Audience audience) {
      this.audience = audience;
      return this;
    }

    public RuleBuilder consolidated() {
      this.consolidate = true;
      return this;
    }

    public Rule build() {
      return new Rule(
          RULE_ID,
          "Overdue reminder",
          true,
          Schedule.daily(LocalTime.of(10, 0)),
          criteria,
          audience,
          compiled(body),
          Optional.empty(),
          consolidate);
    }
  }
}
