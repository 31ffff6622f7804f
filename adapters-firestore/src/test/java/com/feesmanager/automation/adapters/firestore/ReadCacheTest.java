package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

  private final ReadCache cache =
      new ReadCache(
          Clock.fixed(Instant.parse("2026-11-10T05:00:00Z"), ZoneOffset.UTC), Duration.ofHours(1));

  @Test
  void aScan_dropsTheCopiesOfAccountsNoLongerEnabled_andKeepsTheOthers() {
    // given copies of two accounts and the scan itself
    cache.keep("students/a", List.of("s1"));
    cache.keep("rules/a", List.of("r1"));
    cache.keep("students/b", List.of("s2"));
    cache.keep("account/b", "settings");
    cache.keep("accounts", List.of("a", "b"));

    // when a scan finds only a enabled
    cache.retainAccounts(Set.of("a"));

    // then b's copies are gone, a's and the scan's stay
    assertThat(cache.holds("students/a")).isTrue();
    assertThat(cache.holds("rules/a")).isTrue();
    assertThat(cache.holds("accounts")).isTrue();
    assertThat(cache.holds("students/b")).isFalse();
    assertThat(cache.holds("account/b")).isFalse();
  }

  @Test
  void noCopyOfAnAccountIsKept_untilAScanFindsItEnabled() {
    cache.retainAccounts(Set.of("a"));

    // a read of a disabled account's data (a message still queued for it) is not kept
    cache.keep("students/b", List.of("s2"));
    assertThat(cache.holds("students/b")).isFalse();

    // once enabled again, it is
    cache.retainAccounts(Set.of("a", "b"));
    cache.keep("students/b", List.of("s2"));
    assertThat(cache.holds("students/b")).isTrue();
  }

  @Test
  void beforeAnyScan_everyCopyIsKept() {
    cache.keep("students/b", List.of("s2"));

    assertThat(cache.holds("students/b")).isTrue();
  }
}
