/** The account (tenant) and its students and fee records, as SPEC §1.1–1.3 describes them. */
package com.feesmanager.automation.domain.account;
