/**
 * One-shot runners: one tick per process (external cron) or per invocation (a function platform),
 * on the daemon's wiring.
 */
package com.feesmanager.automation.runner.lambda;
