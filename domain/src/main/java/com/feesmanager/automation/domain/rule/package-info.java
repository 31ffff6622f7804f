/**
 * Automation rules (SPEC §1.4): their schedule, criteria and audience; validation that reports
 * every problem; the occurrences a schedule produces (SPEC §2); and matching of fee records and
 * students.
 */
package com.feesmanager.automation.domain.rule;
