package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.anAccountFile;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.HeartbeatBuilder.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.RuleSource.RuleBook;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link FirestoreOutageIT} for the accounts, rules and heartbeats: while Firestore is gone
 * (stopped, or frozen) accounts and rules are served from the last good copy, a heartbeat is taken
 * at once, seen by {@code last}, and written once Firestore is back; past the cache's age the reads
 * fail.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator("nested-field filters (users where automation.enabled == true)")
class RestOutageIT {

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  private static String seedAccount(FirestoreEmulator emulator) {
    String uid = Unique.name("academy");
    try (FirestoreConnection seeder =
        FirestoreConnection.open(emulator.config(), AccountDefaults.SPEC, Clock.systemUTC())) {
      seeder
          .importer()
          .importAccount(
              anAccountFile(uid)
                  .withTemplate("t", "T", "Dear {guardianName|Parent}")
                  .withRule(
                      "daily",
                      doc(
                          "schedule",
                          doc("frequency", "DAILY", "time", "10:00"),
                          "templateId",
                          "t"))
                  .build());
    }
    return uid;
  }

  private static FirestoreConnection restFirst(FirestoreEmulator emulator, Clock clock) {
    return FirestoreConnection.open(
        emulator
            .config()
            .withCallTimeout(Duration.ofSeconds(1))
            .withCacheMaxAge(Duration.ofMinutes(30)),
        AccountDefaults.SPEC,
        clock);
  }

  @Test
  void a_stopped_firestore_serves_accounts_and_rules_from_the_copy_and_heartbeats_land_later() {
    HandClock clock = new HandClock(T0);
    try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
      // given an account read once while Firestore was up
      String uid = seedAccount(emulator);
      try (FirestoreConnection connection = restFirst(emulator, clock)) {
        AccountScan accounts = connection.accountDirectory().enabledAccounts();
        RuleBook rules = connection.ruleSource().rules(uid);
        assertThat(accounts.accounts()).hasSize(1);
        assertThat(rules.rules()).hasSize(1);
        assertThat(connection.isReachable(Duration.ofSeconds(5))).isTrue();

        // when Firestore goes away
        emulator.stop();
        assertThat(connection.isReachable(Duration.ofSeconds(2))).isFalse();
        clock.now = T0.plus(Duration.ofMinutes(10));

        // then accounts and rules come from the copy
        assertThat(connection.accountDirectory().enabledAccounts()).isEqualTo(accounts);
        assertThat(connection.ruleSource().rules(uid)).isEqualTo(rules);
        // and a heartbeat is taken at once, seen, and waits
        Heartbeat heartbeat = aHeartbeat().at(clock.now).build();
        connection.statusBoard().publish(uid, heartbeat);
        assertThat(connection.statusBoard().last(uid)).contains(heartbeat);
        assertThat(connection.pendingWrites()).isEqualTo(1);
        assertThat(connection.flush(Duration.ofMillis(200))).isFalse();

        // past FIRESTORE_CACHE_MAX_AGE the account's reads fail, naming the setting
        clock.now = T0.plus(Duration.ofMinutes(31));
        assertThatThrownBy(() -> connection.ruleSource().rules(uid))
            .isInstanceOf(StoreUnavailable.class)
            .hasMessageContaining("FIRESTORE_CACHE_MAX_AGE");

        // when Firestore is back (empty), the waiting heartbeat lands
        emulator.restart();
        assertThat(connection.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(connection.pendingWrites()).isZero();
        try (FirestoreConnection other = restFirst(emulator, Clock.systemUTC())) {
          assertThat(other.statusBoard().last(uid)).contains(heartbeat);
        }
        // and the gRPC client was never built
        assertThat(connection.grpcBuilt()).isFalse();
      }
    }
  }

  @Test
  void a_frozen_firestore_serves_accounts_and_rules_from_the_copy_and_heartbeats_land_later() {
    HandClock clock = new HandClock(T0);
    try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
      // given an account read once while Firestore answered
      String uid = seedAccount(emulator);
      try (FirestoreConnection connection = restFirst(emulator, clock)) {
        AccountScan accounts = connection.accountDirectory().enabledAccounts();
        RuleBook rules = connection.ruleSource().rules(uid);

        // when Firestore stops answering (connections open, nothing comes back)
        emulator.freeze();
        Heartbeat heartbeat = aHeartbeat().at(T0.plusSeconds(120)).build();
        try {
          clock.now = T0.plus(Duration.ofMinutes(2));

          // then accounts and rules come from the copy, and the heartbeat waits
          assertThat(connection.accountDirectory().enabledAccounts()).isEqualTo(accounts);
          assertThat(connection.ruleSource().rules(uid)).isEqualTo(rules);
          connection.statusBoard().publish(uid, heartbeat);
          assertThat(connection.statusBoard().last(uid)).contains(heartbeat);
        } finally {
          emulator.thaw();
        }

        // and lands once Firestore answers again
        assertThat(connection.flush(Duration.ofSeconds(30))).isTrue();
        try (FirestoreConnection other = restFirst(emulator, Clock.systemUTC())) {
          assertThat(other.statusBoard().last(uid)).contains(heartbeat);
        }
      }
    }
  }
}
