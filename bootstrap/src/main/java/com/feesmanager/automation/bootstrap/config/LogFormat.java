package com.feesmanager.automation.bootstrap.config;

/** {@code LOG_FORMAT}: plain text lines or one JSON object per line. */
public enum LogFormat {
  TEXT,
  JSON
}
