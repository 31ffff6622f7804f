/**
 * The alert channels of SPEC §8 behind the {@code Alerts} port: a JSON webhook (Slack and Discord
 * compatible) or, when none is configured, the log. De-duplication sits in front of them ({@code
 * DeduplicatingAlerts}).
 */
package com.feesmanager.automation.bootstrap.alerts;
