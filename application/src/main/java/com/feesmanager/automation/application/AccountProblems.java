package com.feesmanager.automation.application;

import com.feesmanager.automation.ports.out.AccountProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The problems of each account that this process currently sees, for its heartbeat (SPEC §8). A
 * problem reported again keeps its first {@code since}; a source (firing, delivery, start-up)
 * replaces all of its own problems of an account at once, so one that is mended disappears.
 * Problems of the whole process (e.g. Redis not persistent) are shown among every account's.
 */
public final class AccountProblems {

  /** Where a problem was found; each source owns its own problems of an account. */
  public enum Source {
    FIRING,
    DELIVERY,
    STARTUP
  }

  private final Map<String, Map<Source, Map<String, AccountProblem>>> byAccount =
      new ConcurrentHashMap<>();

  /** By identity; one process-wide problem touches every account the process serves. */
  private final Map<String, AccountProblem> processWide = new ConcurrentHashMap<>();

  /** Replaces what {@code source} reports for {@code uid}; known problems keep their since. */
  public void replace(String uid, Source source, List<AccountProblem> current) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(source, "'source' must not be null");
    byAccount.compute(
        uid,
        (key, sources) -> {
          Map<Source, Map<String, AccountProblem>> next =
              sources == null ? new ConcurrentHashMap<>() : sources;
          Map<String, AccountProblem> previous = next.getOrDefault(source, Map.of());
          Map<String, AccountProblem> kept = new LinkedHashMap<>();
          for (AccountProblem problem : current) {
            AccountProblem earlier = previous.get(problem.identity());
            kept.put(
                problem.identity(),
                earlier == null
                    ? problem
                    : new AccountProblem(
                        problem.code(),
                        problem.ruleId(),
                        problem.studentId(),
                        problem.message(),
                        earlier.since()));
          }
          next.put(source, kept);
          return next;
        });
  }

  /** Adds one problem of {@code source} (kept until that source replaces or clears it). */
  public void report(String uid, Source source, AccountProblem problem) {
    byAccount.compute(
        uid,
        (key, sources) -> {
          Map<Source, Map<String, AccountProblem>> next =
              sources == null ? new ConcurrentHashMap<>() : sources;
          Map<String, AccountProblem> own =
              new LinkedHashMap<>(next.getOrDefault(source, Map.of()));
          own.putIfAbsent(problem.identity(), problem);
          next.put(source, own);
          return next;
        });
  }

  /** Removes {@code source}'s problems of {@code uid} with this code. */
  public void clear(String uid, Source source, String code) {
    byAccount.computeIfPresent(
        uid,
        (key, sources) -> {
          Map<String, AccountProblem> own =
              new LinkedHashMap<>(sources.getOrDefault(source, Map.of()));
          own.values().removeIf(p -> p.code().equals(code));
          sources.put(source, own);
          return sources;
        });
  }

  /**
   * Reports a problem of the whole process (the Redis it uses, say), shown among every account's
   * problems until cleared; reported again, it keeps its first {@code since}.
   */
  public void reportProcessWide(AccountProblem problem) {
    Objects.requireNonNull(problem, "'problem' must not be null");
    processWide.putIfAbsent(problem.identity(), problem);
  }

  /** Removes the process-wide problems with this code. */
  public void clearProcessWide(String code) {
    Objects.requireNonNull(code, "'code' must not be null");
    processWide.values().removeIf(p -> p.code().equals(code));
  }

  /** Every problem of {@code uid}, the process-wide ones included, oldest first. */
  public List<AccountProblem> of(String uid) {
    List<AccountProblem> all = new ArrayList<>(processWide.values());
    byAccount.getOrDefault(uid, Map.of()).values().forEach(m -> all.addAll(m.values()));
    all.sort(Comparator.comparing(AccountProblem::since).thenComparing(AccountProblem::identity));
    return all;
  }

  /** Forgets an account that is disabled or gone. */
  public void forget(String uid) {
    byAccount.remove(uid);
  }
}
