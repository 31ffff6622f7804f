/**
 * The daemon's Micrometer meters (SPEC §8 metrics), exported in Prometheus text format with a
 * {@code fees_} prefix; fed with the values the use cases return, so no core code knows about them.
 */
package com.feesmanager.automation.runner.daemon.metrics;
