package com.feesmanager.automation.domain.template;

import java.util.Objects;

/** The outcome of rendering a template for one message. */
public sealed interface Rendering {

  /** The finished body. */
  record Rendered(String body) implements Rendering {
    public Rendered {
      Objects.requireNonNull(body, "'body' must not be null");
    }
  }

  /** A placeholder had no value and no fallback: {@code MISSING_VALUE:<name>}. */
  record MissingValue(PlaceholderName name) implements Rendering {
    public MissingValue {
      Objects.requireNonNull(name, "'name' must not be null");
    }
  }

  /** The body exceeded {@link CompiledTemplate#MAX_BODY_LENGTH}: {@code BODY_TOO_LONG}. */
  record TooLong(int length) implements Rendering {}
}
