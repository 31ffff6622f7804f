package com.feesmanager.automation.runner.daemon.cli;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One JSON document on one line, for the commands' {@code --json}. */
final class CliJson {

  private CliJson() {}

  static String write(Object value) {
    try {
      return new String(ObjectMapper.getDefault().writeValueAsBytes(value), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
