package com.feesmanager.automation.domain.message;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.FeeRecord;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.rule.Audience;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.StudentMatch;
import com.feesmanager.automation.domain.template.MessageValues;
import com.feesmanager.automation.domain.template.Rendering;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans an occurrence: matches students (criteria on the occurrence's local date), picks recipients
 * by audience, renders, consolidates per recipient when the rule says so, and keys each message;
 * every matched student who cannot be messaged becomes a {@link Skip}.
 *
 * <p>Order is deterministic. Without consolidation, messages and skips follow the students'
 * iteration order (with audience BOTH the guardian's number comes before the student's). With
 * consolidation, messages follow the order in which their recipient first appears among the
 * students; skips found before rendering (opt-out, phone) come first in student order, then the
 * skips of groups whose consolidated message could not be rendered, group by group, in name order.
 *
 * <p>A student whose message cannot be rendered gets one skip carrying its first number; with
 * consolidation, a group that cannot be rendered skips each of its students with the group's number
 * (so a student in two groups, audience BOTH, may be skipped for one number and messaged on the
 * other).
 */
public final class ReminderPlanner {

  private final PhoneNormaliser phones;

  public ReminderPlanner(PhoneNormaliser phones) {
    this.phones = Objects.requireNonNull(phones, "'phones' must not be null");
  }

  public ReminderPlan plan(
      AccountSettings account, Rule rule, Occurrence occurrence, Iterable<Student> students) {
    Objects.requireNonNull(account, "'account' must not be null");
    Objects.requireNonNull(rule, "'rule' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(students, "'students' must not be null");
    if (!occurrence.ruleId().equals(rule.id())) {
      throw new IllegalArgumentException(
          "occurrence of rule " + occurrence.ruleId() + " planned with rule " + rule.id());
    }
    LocalDate date = occurrence.scheduledFor().toLocalDate();
    String occurrenceName = occurrence.localName();
    int matched = 0;
    List<PlannedMessage> messages = new ArrayList<>();
    List<Skip> skips = new ArrayList<>();
    Map<PhoneNumber, List<StudentMatch>> groups = new LinkedHashMap<>();

    for (Student student : students) {
      Optional<StudentMatch> found = rule.criteria().match(student, date);
      if (found.isEmpty()) {
        continue;
      }
      matched++;
      StudentMatch match = found.get();
      if (student.optOut()) {
        skips.add(skip(student, Optional.empty(), SkipReason.OPTED_OUT));
        continue;
      }
      Reach reach = reach(student, rule.audience());
      if (reach instanceof Unreachable unreachable) {
        skips.add(skip(student, Optional.empty(), unreachable.reason()));
        continue;
      }
      List<PhoneNumber> numbers = ((Reachable) reach).numbers();
      if (rule.consolidate()) {
        for (PhoneNumber number : numbers) {
          groups.computeIfAbsent(number, n -> new ArrayList<>()).add(match);
        }
        continue;
      }
      List<StudentMatch> single = List.of(match);
      Rendering rendering = rule.template().render(MessageValues.forStudent(account, match));
      if (rendering instanceof Rendering.Rendered rendered) {
        for (PhoneNumber number : numbers) {
          messages.add(message(account, rule, occurrenceName, single, number, rendered.body()));
        }
      } else {
        skips.add(skip(student, Optional.of(numbers.get(0)), reason(rendering)));
      }
    }

    for (Map.Entry<PhoneNumber, List<StudentMatch>> group : groups.entrySet()) {
      PhoneNumber number = group.getKey();
      List<StudentMatch> members = group.getValue();
      members.sort(MessageValues.NAME_ORDER);
      Rendering rendering = rule.template().render(MessageValues.consolidated(account, members));
      if (rendering instanceof Rendering.Rendered rendered) {
        messages.add(message(account, rule, occurrenceName, members, number, rendered.body()));
      } else {
        SkipReason reason = reason(rendering);
        for (StudentMatch member : members) {
          skips.add(skip(member.student(), Optional.of(number), reason));
        }
      }
    }
    return new ReminderPlan(occurrence, matched, messages, skips);
  }

  /**
   * The valid numbers {@code student}'s message would go to under {@code audience} today
   * (guardian's first); empty when there is none. What the send-time check compares a queued
   * recipient with.
   */
  public List<PhoneNumber> recipients(Student student, Audience audience) {
    return reach(student, audience) instanceof Reachable reachable
        ? reachable.numbers()
        : List.of();
  }

  /** The numbers a student's message goes to under {@code audience}, or why there are none. */
  private Reach reach(Student student, Audience audience) {
    Optional<String> phone = student.phone().filter(raw -> !raw.isBlank());
    Optional<String> guardianPhone = student.guardianPhone().filter(raw -> !raw.isBlank());
    return switch (audience) {
      // An invalid guardianPhone is reported, never silently replaced by the student's own.
      case GUARDIAN -> single(guardianPhone.or(() -> phone));
      case STUDENT -> single(phone);
      case BOTH -> both(guardianPhone, phone);
    };
  }

  private Reach single(Optional<String> raw) {
    if (raw.isEmpty()) {
      return new Unreachable(SkipReason.NO_PHONE);
    }
    Optional<PhoneNumber> number = phones.normalise(raw.get());
    if (number.isEmpty()) {
      return new Unreachable(SkipReason.INVALID_PHONE);
    }
    return new Reachable(List.of(number.get()));
  }

  private Reach both(Optional<String> guardianPhone, Optional<String> phone) {
    if (guardianPhone.isEmpty() && phone.isEmpty()) {
      return new Unreachable(SkipReason.NO_PHONE);
    }
    List<PhoneNumber> numbers = new ArrayList<>(2);
    guardianPhone.flatMap(phones::normalise).ifPresent(numbers::add);
    phone
        .flatMap(phones::normalise)
        .filter(number -> !numbers.contains(number))
        .ifPresent(numbers::add);
    if (numbers.isEmpty()) {
      return new Unreachable(SkipReason.INVALID_PHONE);
    }
    return new Reachable(List.copyOf(numbers));
  }

  private static PlannedMessage message(
      AccountSettings account,
      Rule rule,
      String occurrenceName,
      List<StudentMatch> members,
      PhoneNumber to,
      String body) {
    List<String> ids = new ArrayList<>(members.size());
    List<String> names = new ArrayList<>(members.size());
    List<MatchedFees> fees = new ArrayList<>(members.size());
    for (StudentMatch member : members) {
      Student student = member.student();
      ids.add(student.id());
      names.add(student.name());
      List<YearMonth> months = new ArrayList<>(member.matched().size());
      for (FeeRecord fee : member.matched()) {
        months.add(fee.month());
      }
      fees.add(new MatchedFees(student.id(), months));
    }
    MessageKey key = MessageKey.of(account.uid(), rule.id(), occurrenceName, ids, to);
    return new PlannedMessage(key, ids, names, to, body, fees);
  }

  private static Skip skip(Student student, Optional<PhoneNumber> to, SkipReason reason) {
    return new Skip(student.id(), student.name(), to, reason);
  }

  private static SkipReason reason(Rendering failure) {
    if (failure instanceof Rendering.MissingValue missing) {
      return SkipReason.missingValue(missing.name());
    }
    if (failure instanceof Rendering.TooLong) {
      return SkipReason.BODY_TOO_LONG;
    }
    throw new IllegalArgumentException("not a rendering failure: " + failure);
  }

  /** Where a student's message can go. */
  private sealed interface Reach permits Reachable, Unreachable {}

  /** One or two distinct valid numbers, guardian's first. */
  private record Reachable(List<PhoneNumber> numbers) implements Reach {}

  /** No number to use: NO_PHONE or INVALID_PHONE. */
  private record Unreachable(SkipReason reason) implements Reach {}
}
