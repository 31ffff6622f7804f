package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules read ahead (issue 16): each read serves the next call for its account once, never one older
 * than {@code AHEAD_AGE}, and at most {@code AHEAD} are in flight, the next started as one is
 * taken.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class RestRuleSourceAheadIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private final HandClock clock = new HandClock(T0);
  private FirestoreConnection connection;
  private RestRuleSource rules;

  @BeforeEach
  void open() {
    connection =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(), AccountDefaults.SPEC, clock);
    rules = (RestRuleSource) connection.ruleSource();
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private void importWithRuleNamed(String uid, String name) {
    connection
        .importer()
        .importAccount(
            anAccountFile(uid)
                .withRule(
                    "daily",
                    doc("name", name, "schedule", doc("frequency", "DAILY", "time", "10:00")))
                .build());
  }

  private Optional<String> ruleName(String uid) {
    return rules.rules(uid).rules().stream().findFirst().flatMap(RuleDraft::name);
  }

  @Test
  void a_read_ahead_serves_the_next_call_once_and_the_call_after_reads_afresh() {
    // given a read ahead that has answered, then a change
    String uid = Unique.name("academy");
    importWithRuleNamed(uid, "Before");
    rules.readAhead(List.of(uid));
    rules.startedAhead().get(uid).join();
    importWithRuleNamed(uid, "After");

    // when / then
    assertThat(ruleName(uid)).contains("Before");
    assertThat(ruleName(uid)).contains("After");
  }

  @Test
  void a_read_ahead_older_than_its_age_serves_no_call() {
    String uid = Unique.name("academy");
    importWithRuleNamed(uid, "Before");
    rules.readAhead(List.of(uid));
    rules.startedAhead().get(uid).join();
    importWithRuleNamed(uid, "After");

    clock.now = T0.plus(RestRuleSource.AHEAD_AGE).plusSeconds(1);

    assertThat(ruleName(uid)).contains("After");
  }

  @Test
  void at_most_AHEAD_reads_are_in_flight_and_taking_one_starts_the_next_in_order() {
    // given more accounts than reads in flight
    List<String> uids = new ArrayList<>();
    for (int i = 0; i < RestRuleSource.AHEAD + 2; i++) {
      String uid = Unique.name("academy-" + i);
      importWithRuleNamed(uid, "Rule " + i);
      uids.add(uid);
    }

    // when
    rules.readAhead(uids);

    // then the first AHEAD are started; each one taken starts the next in order
    assertThat(rules.startedAhead().keySet())
        .containsExactlyInAnyOrderElementsOf(uids.subList(0, RestRuleSource.AHEAD));
    assertThat(ruleName(uids.get(0))).contains("Rule 0");
    assertThat(rules.startedAhead().keySet())
        .containsExactlyInAnyOrderElementsOf(uids.subList(1, RestRuleSource.AHEAD + 1));
    // an account not yet started is read by its call and no longer waits to be read ahead
    assertThat(ruleName(uids.get(RestRuleSource.AHEAD + 1)))
        .contains("Rule " + (RestRuleSource.AHEAD + 1));
    for (int i = 1; i <= RestRuleSource.AHEAD; i++) {
      assertThat(ruleName(uids.get(i))).contains("Rule " + i);
    }
    assertThat(rules.startedAhead()).isEmpty();
  }
}
