package com.feesmanager.automation.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A one-field answer: {@code {"status": …}} for health, or a result or error word. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageJson(@Nullable String status, @Nullable String result, @Nullable String error) {

  static MessageJson status(String status) {
    return new MessageJson(status, null, null);
  }

  static MessageJson result(String result) {
    return new MessageJson(null, result, null);
  }

  static MessageJson error(String error) {
    return new MessageJson(null, null, error);
  }
}
