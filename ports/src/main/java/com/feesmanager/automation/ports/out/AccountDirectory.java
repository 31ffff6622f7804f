package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.document.DocumentProblem;
import java.util.List;
import java.util.Optional;

/** Finds the accounts the backend serves ({@code automation.enabled == true}). */
public interface AccountDirectory {

  /** The enabled accounts, and problems of account documents that could not be understood. */
  AccountScan enabledAccounts();

  /** One account by uid, enabled or not. */
  Optional<AccountSettings> account(String uid);

  /** Enabled accounts plus the problems found while reading them. */
  record AccountScan(List<AccountSettings> accounts, List<DocumentProblem> problems) {
    public AccountScan {
      accounts = List.copyOf(accounts);
      problems = List.copyOf(problems);
    }
  }
}
