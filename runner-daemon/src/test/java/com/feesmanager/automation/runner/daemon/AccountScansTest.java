package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.AccountDirectory.AccountScan;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountScansTest {

  private int queries;
  private boolean storeDown;
  private final AccountScan scanned = new AccountScan(List.of(), List.of());

  private final AccountDirectory directory =
      new AccountDirectory() {
        @Override
        public AccountScan enabledAccounts() {
          queries++;
          if (storeDown) {
            throw new StoreUnavailable("deadline exceeded", new RuntimeException("io"));
          }
          return scanned;
        }

        @Override
        public Optional<AccountSettings> account(String uid) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void one_query_per_minute_check_and_the_next_gateway_check_takes_it_once() {
    AccountScans scans = new AccountScans(directory);

    assertThat(scans.scan()).containsSame(scanned);
    assertThat(scans.takeForGateway()).containsSame(scanned);
    assertThat(scans.takeForGateway()).isEmpty();
    assertThat(queries).isOne();
  }

  @Test
  void a_failed_scan_is_empty_so_each_step_asks_and_reports_for_itself() {
    AccountScans scans = new AccountScans(directory);
    scans.scan();
    storeDown = true;

    assertThat(scans.scan()).isEmpty();
    // nothing older than the latest minute check reaches a gateway check
    assertThat(scans.takeForGateway()).isEmpty();
  }

  @Test
  void the_heartbeats_get_the_latest_minute_checks_scan_however_often_asked() {
    AccountScans scans = new AccountScans(directory);
    assertThat(scans.latest()).isEmpty(); // before any minute check: they scan for themselves

    scans.scan();
    scans.takeForGateway();

    assertThat(scans.latest()).containsSame(scanned);
    assertThat(scans.latest()).containsSame(scanned);
    assertThat(queries).isOne();
    storeDown = true;
    scans.scan();
    assertThat(scans.latest()).isEmpty(); // a failed scan: nothing older is handed on
  }

  @Test
  void before_any_minute_check_a_gateway_check_scans_for_itself() {
    assertThat(new AccountScans(directory).takeForGateway()).isEmpty();
    assertThat(queries).isZero();
  }
}
