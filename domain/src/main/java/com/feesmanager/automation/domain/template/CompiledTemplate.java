package com.feesmanager.automation.domain.template;

import java.util.Objects;
import java.util.Set;

/** A template body parsed once into literals and placeholders, rendered many times. */
public final class CompiledTemplate {

  /** Rendered bodies longer than this are rejected (SPEC §3). */
  public static final int MAX_BODY_LENGTH = 4096;

  private final String source;

  CompiledTemplate(String source) {
    this.source = Objects.requireNonNull(source, "'source' must not be null");
  }

  /** Compiles {@code body}; unknown names and stray braces are problems. */
  public static TemplateCompilation compile(String body) {
    throw new UnsupportedOperationException("to be implemented");
  }

  public String source() {
    return source;
  }

  /** The placeholder names the template uses. */
  public Set<PlaceholderName> placeholders() {
    throw new UnsupportedOperationException("to be implemented");
  }

  public Rendering render(MessageValues values) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
