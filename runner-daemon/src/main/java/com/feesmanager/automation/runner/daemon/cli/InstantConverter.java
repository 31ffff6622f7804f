package com.feesmanager.automation.runner.daemon.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses SPEC §8's INSTANT: ISO-8601 with an offset, e.g. {@code 2026-11-10T10:00:30+05:00}. */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not an ISO-8601 instant with an offset, e.g. 2026-11-10T10:00:30+05:00");
    }
  }
}
