package com.feesmanager.automation.bootstrap.config;

/** {@code LOG_LEVEL}: the SLF4J levels. */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR
}
