/**
 * The process's structured logging on logback: one line per event on stderr (text or JSON), the
 * level from {@code LOG_LEVEL}, an optional file, and phone numbers masked in every line.
 */
package com.feesmanager.automation.bootstrap.logging;
