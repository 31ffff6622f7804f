package com.feesmanager.automation.domain.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A template body parsed once into literals and placeholders, rendered many times.
 *
 * <p>Syntax (SPEC §3): {@code {name}} or {@code {name|fallback}}; a doubled brace ("{{" or "}}") is
 * one literal brace. Names are exact and case-sensitive ({@code { studentName }} is an unknown
 * placeholder). The fallback is literal text up to the closing brace: it may contain {@code |} but
 * no brace and no line break, and it may be empty ({@code {guardianName|}} leaves the gap empty
 * instead of skipping the student). A placeholder never spans a line break.
 *
 * <p>Instances are immutable and thread-safe; equality is by source text.
 */
public final class CompiledTemplate {

  /** Rendered bodies longer than this are rejected (SPEC §3). */
  public static final int MAX_BODY_LENGTH = 4096;

  /** Room guessed per placeholder when sizing the render buffer. */
  private static final int VALUE_ALLOWANCE = 16;

  private final String source;

  /** {@code literals[i]} precedes placeholder {@code i}; the last literal ends the body. */
  private final String[] literals;

  private final PlaceholderName[] names;

  /** Fallback of placeholder {@code i}, or null when it has none. */
  private final String[] fallbacks;

  private final Set<PlaceholderName> placeholders;

  /** Right-to-left templates isolate each inserted value (FSI … PDI). */
  private final boolean isolateValues;

  private final int capacity;

  /**
   * Compiles {@code source}, for tests in this package that know it is valid.
   *
   * @throws IllegalArgumentException when the body has problems
   */
  CompiledTemplate(String source) {
    this(parsedOrThrow(source));
  }

  private CompiledTemplate(Parsed parsed) {
    this.source = parsed.source;
    this.literals = parsed.literals.toArray(new String[0]);
    this.names = parsed.names.toArray(new PlaceholderName[0]);
    this.fallbacks = parsed.fallbacks.toArray(new String[0]);
    EnumSet<PlaceholderName> used = EnumSet.noneOf(PlaceholderName.class);
    Collections.addAll(used, names);
    this.placeholders = Collections.unmodifiableSet(used);
    int literalLength = 0;
    for (String literal : literals) {
      literalLength += literal.length();
    }
    this.isolateValues = TextDirection.of(String.join("", literals)) == TextDirection.RIGHT_TO_LEFT;
    this.capacity = literalLength + names.length * VALUE_ALLOWANCE;
  }

  /** Compiles {@code body}; unknown names and stray braces are problems, all reported at once. */
  public static TemplateCompilation compile(String body) {
    Parsed parsed = parse(Objects.requireNonNull(body, "'body' must not be null"));
    if (!parsed.problems.isEmpty()) {
      return new TemplateCompilation.Rejected(List.copyOf(parsed.problems));
    }
    // a template whose fixed text alone is too long could never be sent: said now, by the rule,
    // rather than as a BODY_TOO_LONG skip of every message at every occurrence
    int fixed = parsed.literals.stream().mapToInt(String::length).sum();
    if (fixed > MAX_BODY_LENGTH) {
      return new TemplateCompilation.Rejected(
          List.of(
              "too long: the text without placeholders is "
                  + fixed
                  + " characters, a message may have at most "
                  + MAX_BODY_LENGTH));
    }
    return new TemplateCompilation.Compiled(new CompiledTemplate(parsed));
  }

  public String source() {
    return source;
  }

  /** The main direction of the template's literal text (its placeholders do not vote). */
  public TextDirection direction() {
    return isolateValues ? TextDirection.RIGHT_TO_LEFT : TextDirection.LEFT_TO_RIGHT;
  }

  /** The placeholder names the template uses. */
  public Set<PlaceholderName> placeholders() {
    return placeholders;
  }

  /**
   * Renders with {@code values}: a missing value (absent or blank) takes the placeholder's
   * fallback; without one the first such placeholder (in body order) is reported. A body over
   * {@link #MAX_BODY_LENGTH} characters is reported with its length.
   *
   * <p>In a right-to-left template each non-empty inserted value (a fallback too) is wrapped in FSI
   * … PDI, so "Ali Raza" or "PKR 5,000" keeps its own order and its place in the sentence; the two
   * marks count towards the length limit, since they are sent.
   */
  public Rendering render(MessageValues values) {
    StringBuilder body = new StringBuilder(capacity);
    int count = names.length;
    for (int i = 0; i < count; i++) {
      body.append(literals[i]);
      String value = values.valueOrNull(names[i]);
      if (value == null) {
        value = fallbacks[i];
        if (value == null) {
          return new Rendering.MissingValue(names[i]);
        }
      }
      if (isolateValues && !value.isEmpty()) {
        body.append(TextDirection.FIRST_STRONG_ISOLATE)
            .append(value)
            .append(TextDirection.POP_DIRECTIONAL_ISOLATE);
      } else {
        body.append(value);
      }
    }
    body.append(literals[count]);
    if (body.length() > MAX_BODY_LENGTH) {
      return new Rendering.TooLong(body.length());
    }
    return new Rendering.Rendered(body.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompiledTemplate that && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return "CompiledTemplate[" + source + "]";
  }

  private static Parsed parsedOrThrow(String source) {
    Parsed parsed = parse(Objects.requireNonNull(source, "'source' must not be null"));
    if (!parsed.problems.isEmpty()) {
      throw new IllegalArgumentException("invalid template: " + parsed.problems);
    }
    return parsed;
  }

  private static Parsed parse(String body) {
    Parsed parsed = new Parsed(body);
    StringBuilder literal = new StringBuilder();
    int length = body.length();
    int i = 0;
    while (i < length) {
      char c = body.charAt(i);
      if (c == '{') {
        if (i + 1 < length && body.charAt(i + 1) == '{') {
          literal.append('{');
          i += 2;
          continue;
        }
        int close = i + 1;
        while (close < length && !endsPlaceholder(body.charAt(close))) {
          close++;
        }
        if (close == length || body.charAt(close) != '}') {
          parsed.problems.add(
              "unclosed '{' at character " + (i + 1) + " (write '{{' for a literal '{')");
          // Keep parsing after the brace so that later problems are reported too.
          i++;
          continue;
        }
        placeholder(parsed, literal, body.substring(i + 1, close));
        i = close + 1;
      } else if (c == '}') {
        if (i + 1 < length && body.charAt(i + 1) == '}') {
          literal.append('}');
          i += 2;
          continue;
        }
        parsed.problems.add(
            "stray '}' at character " + (i + 1) + " (write '}}' for a literal '}')");
        i++;
      } else {
        literal.append(c);
        i++;
      }
    }
    parsed.literals.add(literal.toString());
    return parsed;
  }

  private static boolean endsPlaceholder(char c) {
    return c == '}' || c == '{' || c == '\n' || c == '\r';
  }

  private static void placeholder(Parsed parsed, StringBuilder literal, String content) {
    int bar = content.indexOf('|');
    String key = bar < 0 ? content : content.substring(0, bar);
    String fallback = bar < 0 ? null : content.substring(bar + 1);
    if (key.isEmpty()) {
      parsed.problems.add("empty placeholder {" + content + "}");
      return;
    }
    var name = PlaceholderName.byKey(key);
    if (name.isEmpty()) {
      parsed.problems.add("unknown placeholder {" + key + "}");
      return;
    }
    parsed.literals.add(literal.toString());
    literal.setLength(0);
    parsed.names.add(name.get());
    parsed.fallbacks.add(fallback);
  }

  /** Parser output: segments so far and every problem found. */
  private static final class Parsed {
    final String source;
    final List<String> literals = new ArrayList<>();
    final List<PlaceholderName> names = new ArrayList<>();
    final List<String> fallbacks = new ArrayList<>();
    final Set<String> problems = new LinkedHashSet<>();

    Parsed(String source) {
      this.source = source;
    }
  }
}
