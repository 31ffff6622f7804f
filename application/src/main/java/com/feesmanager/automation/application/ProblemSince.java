package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.out.AccountProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a problem's {@code since} across processes (SPEC §8): a problem already shown in the
 * account's last heartbeat keeps the {@code since} shown there, so a cron {@code tick} (a new
 * process each minute) or a restarted daemon does not make an old problem look new. A problem that
 * was not in the last heartbeat (it cleared meanwhile) starts afresh.
 */
final class ProblemSince {

  private ProblemSince() {}

  /** The identity → since of problems as published. */
  static Map<String, Instant> shown(List<AccountProblem> published) {
    Map<String, Instant> since = new HashMap<>();
    published.forEach(p -> since.merge(p.identity(), p.since(), ProblemSince::earlier));
    return since;
  }

  /**
   * {@code current}, each with the earlier of its since and the one already shown; oldest first.
   */
  static List<AccountProblem> carried(List<AccountProblem> current, Map<String, Instant> shown) {
    List<AccountProblem> carried = new ArrayList<>();
    for (AccountProblem problem : current) {
      Instant before = shown.get(problem.identity());
      carried.add(
          before == null || !before.isBefore(problem.since())
              ? problem
              : new AccountProblem(
                  problem.code(),
                  problem.ruleId(),
                  problem.studentId(),
                  problem.message(),
                  before));
    }
    carried.sort(
        Comparator.comparing(AccountProblem::since).thenComparing(AccountProblem::identity));
    return carried;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
