package com.feesmanager.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.feesmanager.automation.application.AccountProblems.Source;
import com.feesmanager.automation.ports.out.AccountProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountProblemsProcessWideTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
  private final AccountProblems problems = new AccountProblems();

  private static AccountProblem problem(String code, Instant since) {
    return new AccountProblem(code, Optional.empty(), Optional.empty(), code + " text", since);
  }

  @Test
  void a_process_wide_problem_is_among_every_accounts_problems_and_keeps_its_first_since() {
    problems.report("a1", Source.FIRING, problem("RULE_INVALID", T0.plusSeconds(5)));

    problems.reportProcessWide(problem("REDIS_NOT_PERSISTENT", T0));
    problems.reportProcessWide(problem("REDIS_NOT_PERSISTENT", T0.plusSeconds(60)));

    assertThat(problems.of("a1"))
        .extracting(AccountProblem::code, AccountProblem::since)
        .containsExactly(
            tuple("REDIS_NOT_PERSISTENT", T0), tuple("RULE_INVALID", T0.plusSeconds(5)));
    assertThat(problems.of("never-seen"))
        .extracting(AccountProblem::code)
        .containsExactly("REDIS_NOT_PERSISTENT");
  }

  @Test
  void a_cleared_process_wide_problem_disappears_and_survives_forgetting_an_account() {
    problems.reportProcessWide(problem("REDIS_NOT_PERSISTENT", T0));
    problems.reportProcessWide(problem("REDIS_EVICTING", T0));

    problems.forget("a1");
    problems.clearProcessWide("REDIS_NOT_PERSISTENT");

    assertThat(problems.of("a1"))
        .extracting(AccountProblem::code)
        .isEqualTo(List.of("REDIS_EVICTING"));
  }
}
