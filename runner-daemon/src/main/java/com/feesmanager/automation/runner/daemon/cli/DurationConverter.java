package com.feesmanager.automation.runner.daemon.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** SPEC §7 durations: ISO-8601 ({@code PT30S}) or plain milliseconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
        return Duration.ofMillis(Long.parseLong(value));
      }
      Duration duration = Duration.parse(value);
      if (duration.isNegative()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is negative");
      }
      return duration;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration: use ISO-8601 (PT30S) or milliseconds");
    }
  }
}
