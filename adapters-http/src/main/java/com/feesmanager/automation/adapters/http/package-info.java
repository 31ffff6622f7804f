/**
 * The daemon's HTTP surface (SPEC §6, §8): liveness, readiness, Prometheus metrics, the status JSON
 * and the wppconnect receipts webhook, on the JDK's own HTTP server. The owner builds, starts and
 * closes it; nothing here reads the environment.
 */
package com.feesmanager.automation.adapters.http;
