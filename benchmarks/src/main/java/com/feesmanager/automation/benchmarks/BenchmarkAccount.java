package com.feesmanager.automation.benchmarks;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Automation;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Money;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.RuleCheck;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.domain.rule.RuleValidator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A large, realistic account for the benchmarks, generated from a seed: families of one to three
 * siblings sharing a guardian and a phone, one to three monthly fee records per student, about 70%
 * of students owing, and a sprinkling of the cases the planner must skip (opted out, no phone, an
 * invalid phone, no guardian name so the fallback is used).
 */
final class BenchmarkAccount {

  static final ZoneId ZONE = ZoneId.of("Asia/Karachi");

  /** A Monday 10:00 in November 2026: November's fees (due the 10th) are 6 days overdue. */
  static final LocalDateTime SCHEDULED_FOR = LocalDateTime.of(2026, 11, 16, 10, 0);

  static final String TEMPLATE =
      "Dear {guardianName|Parent}, this is a friendly reminder from {academyName} that"
          + " {amountDue} is due for {studentName}'s fees for {months}. The payment was due on"
          + " {dueDate} and is now {daysOverdue} days late. Please pay at your earliest"
          + " convenience. Thank you!";

  private static final String[] FIRST_NAMES = {
    "Ali", "Ayesha", "Bilal", "Fatima", "Hamza", "Hira", "Usman", "Zainab", "Ahmed", "Maryam",
    "Omar", "Sana", "Hassan", "Iqra", "Saad", "Noor", "Imran", "Khadija", "Daniyal", "Amna"
  };
  private static final String[] LAST_NAMES = {
    "Raza", "Ahmed", "Khan", "Malik", "Hussain", "Qureshi", "Siddiqui", "Sheikh", "Butt", "Chaudhry"
  };
  private static final String[] GUARDIAN_FIRST_NAMES = {
    "Tariq", "Nadia", "Asif", "Rubina", "Kashif", "Shazia", "Javed", "Samina", "Naveed", "Farah"
  };
  private static final long[] MONTHLY_FEES = {3_000, 4_500, 5_000, 6_500, 8_000};
  private static final YearMonth LAST_MONTH = YearMonth.of(2026, 11);

  private BenchmarkAccount() {}

  static AccountSettings settings() {
    return new AccountSettings(
        "bench-academy",
        "Bright Future Academy",
        ZONE,
        "PKR",
        new Automation(true, "bench-session", 100, 1000, Optional.empty(), Set.of()));
  }

  static Occurrence occurrence(Rule rule) {
    return new Occurrence(rule.id(), SCHEDULED_FOR, SCHEDULED_FOR.atZone(ZONE).toInstant());
  }

  /**
   * The rule as its document would state it — weekly on Monday and Thursday at 10:00, UNPAID and
   * PARTIAL records at least one day overdue, to the guardian — validated like any other.
   */
  static Rule rule(boolean consolidate) {
    String id = consolidate ? "overdue-weekly-consolidated" : "overdue-weekly";
    RuleDraft draft =
        new RuleDraft(
            id,
            Optional.of("Weekly overdue reminder"),
            true,
            Optional.of("WEEKLY"),
            Optional.of("10:00"),
            List.of("MON", "THU"),
            Optional.empty(),
            Optional.of(List.of("UNPAID", "PARTIAL")),
            Optional.of(1),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("GUARDIAN"),
            Optional.empty(),
            Optional.of(TEMPLATE),
            Optional.empty(),
            consolidate,
            List.of());
    RuleCheck check = RuleValidator.validate(draft, Map.of());
    if (check instanceof RuleCheck.Valid valid) {
      return valid.rule();
    }
    throw new IllegalStateException("the benchmark rule must be valid: " + check);
  }

  /** {@code count} students, the same ones for the same seed. */
  static List<Student> students(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Student> students = new ArrayList<>(count);
    while (students.size() < count) {
      addFamily(students, count, random);
    }
    return List.copyOf(students);
  }

  private static void addFamily(List<Student> students, int count, SplittableRandom random) {
    int roll = random.nextInt(100);
    int siblings = roll < 80 ? 1 : roll < 95 ? 2 : 3;
    String lastName = pick(LAST_NAMES, random);
    Optional<String> guardianName =
        random.nextInt(100) < 90
            ? Optional.of(pick(GUARDIAN_FIRST_NAMES, random) + " " + lastName)
            : Optional.empty();
    Optional<String> guardianPhone = guardianPhone(random);
    boolean familyOwes = random.nextInt(100) < 70;
    for (int i = 0; i < siblings && students.size() < count; i++) {
      int number = students.size() + 1;
      students.add(
          new Student(
              String.format("s%06d", number),
              pick(FIRST_NAMES, random) + " " + lastName,
              guardianName,
              random.nextInt(100) < 40 ? Optional.of(mobile(random)) : Optional.empty(),
              guardianPhone,
              Optional.of("Grade " + (1 + random.nextInt(10))),
              random.nextInt(100) < 97,
              random.nextInt(100) < 2,
              fees(familyOwes, random)));
    }
  }

  private static Optional<String> guardianPhone(SplittableRandom random) {
    int roll = random.nextInt(100);
    if (roll < 85) {
      return Optional.of(mobile(random));
    }
    // Written by hand in the app: some numbers cannot be one.
    return roll < 87 ? Optional.of("12345") : Optional.empty();
  }

  /** A Pakistani mobile number in one of the ways people write it. */
  private static String mobile(SplittableRandom random) {
    int operator = 300 + random.nextInt(50);
    int subscriber = random.nextInt(10_000_000);
    return switch (random.nextInt(3)) {
      case 0 -> String.format("0%d-%07d", operator, subscriber);
      case 1 -> String.format("+92 %d %07d", operator, subscriber);
      default -> String.format("92%d%07d", operator, subscriber);
    };
  }

  /**
   * One to three consecutive months ending in November 2026, due on the 10th. An owing student has
   * the latest month unpaid or half paid, and each earlier month owing with even odds.
   */
  private static List<FeeRecord> fees(boolean owes, SplittableRandom random) {
    int months = 1 + random.nextInt(3);
    long fee = MONTHLY_FEES[random.nextInt(MONTHLY_FEES.length)];
    List<FeeRecord> fees = new ArrayList<>(months);
    for (int i = months - 1; i >= 0; i--) {
      YearMonth month = LAST_MONTH.minusMonths(i);
      boolean owing = owes && (i == 0 || random.nextBoolean());
      long paid = !owing ? fee : random.nextInt(4) == 0 ? fee / 2 : 0;
      LocalDate dueDate = month.atDay(10);
      fees.add(new FeeRecord(month, Money.of(fee), Money.of(paid), dueDate));
    }
    return fees;
  }

  private static String pick(String[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }
}
