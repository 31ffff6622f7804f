/**
 * The pure core of fees-automation: the Fees Manager model, rule semantics, schedules, templating,
 * message identity and the delivery policies. JDK only: no I/O, no clock, no randomness of its own;
 * time and random sources are always parameters.
 */
package com.feesmanager.automation.domain;
