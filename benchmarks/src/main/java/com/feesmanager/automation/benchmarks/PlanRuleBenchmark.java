package com.feesmanager.automation.benchmarks;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlan;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import com.feesmanager.automation.domain.rule.Occurrence;
import com.feesmanager.automation.domain.rule.Rule;
import com.feesmanager.automation.domain.rule.StudentMatch;
import com.feesmanager.automation.domain.template.MessageValues;
import com.feesmanager.automation.domain.template.Rendering;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning one occurrence of a weekly overdue rule over a whole large account: every student is
 * matched against the criteria, and every matched one rendered (or skipped), per invocation. Sized
 * to finish in about a minute and a half.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PlanRuleBenchmark {

  /** How many students the account has; the script divides by the time per plan. */
  @Param("100000")
  public int students;

  /** Fixed, so every run plans the same account. */
  @Param("20261116")
  public long seed;

  private AccountSettings account;
  private List<Student> roster;
  private ReminderPlanner planner;
  private Rule perStudentRule;
  private Occurrence perStudentOccurrence;
  private Rule consolidatedRule;
  private Occurrence consolidatedOccurrence;

  @Setup(Level.Trial)
  public void setUp() {
    account = BenchmarkAccount.settings();
    roster = BenchmarkAccount.students(students, seed);
    planner = new ReminderPlanner(new PhoneNormaliser("92"));
    perStudentRule = BenchmarkAccount.rule(false);
    perStudentOccurrence = BenchmarkAccount.occurrence(perStudentRule);
    consolidatedRule = BenchmarkAccount.rule(true);
    consolidatedOccurrence = BenchmarkAccount.occurrence(consolidatedRule);
  }

  /** One message per matched student with a valid number. */
  @Benchmark
  public ReminderPlan planOneMessagePerStudent() {
    return planner.plan(account, perStudentRule, perStudentOccurrence, roster);
  }

  /**
   * Exactly the measure: each student's criteria evaluated and, when matched, the message
   * rendered — without the planner's phone normalisation, message keys and message records. Returns
   * the rendered length so nothing is optimised away.
   */
  @Benchmark
  public long evaluateAndRender() {
    LocalDate date = perStudentOccurrence.scheduledFor().toLocalDate();
    long rendered = 0;
    for (Student student : roster) {
      Optional<StudentMatch> match = perStudentRule.criteria().match(student, date);
      if (match.isPresent()
          && perStudentRule.template().render(MessageValues.forStudent(account, match.get()))
              instanceof Rendering.Rendered body) {
        rendered += body.body().length();
      }
    }
    return rendered;
  }

  /** Siblings who share a guardian's number get one message. */
  @Benchmark
  public ReminderPlan planConsolidatedPerRecipient() {
    return planner.plan(account, consolidatedRule, consolidatedOccurrence, roster);
  }
}
