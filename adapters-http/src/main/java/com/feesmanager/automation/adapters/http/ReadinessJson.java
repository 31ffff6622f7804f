package com.feesmanager.automation.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code GET /health/ready}: UP only when every dependency is up, and each one's result. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReadinessJson(String status, Map<String, CheckJson> checks) {

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record CheckJson(String status, String detail) {}
}
