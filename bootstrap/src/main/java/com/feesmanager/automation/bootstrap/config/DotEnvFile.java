package com.feesmanager.automation.bootstrap.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file the way Docker Compose reads an {@code env_file}, so one file means the
 * same to both: {@code NAME=value} lines, an optional {@code export } prefix, {@code #} comments
 * (inside an unquoted value only after whitespace), single quotes literal, double quotes with
 * {@code \n \r \t \" \\} escapes, quoted values may span lines; no {@code ${VAR}} interpolation.
 *
 * <p>Hand-written rather than a library: the common Java one (dotenv-java) puts a malformed line —
 * possibly a private key — into its exception message, cuts unquoted values at any {@code #}, and
 * has no {@code export} prefix; this is a hundred lines we control, with errors that name the line
 * but never repeat it.
 */
final class DotEnvFile {

  /** The variables of a file and what was wrong with it. */
  record Parsed(Map<String, String> values, List<ConfigProblem> problems) {

    Parsed {
      values = Map.copyOf(values);
      problems = List.copyOf(problems);
    }
  }

  private final String text;
  private final String name;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<ConfigProblem> problems = new ArrayList<>();
  private int pos;
  private int line = 1;

  private DotEnvFile(String text, String name) {
    // A UTF-8 byte order mark (editors on Windows) is not part of the first name.
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.name = name;
  }

  /** Reads {@code file}; a missing file is no file (nothing, no problem). */
  static Parsed read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Parsed(Map.of(), List.of());
    } catch (CharacterCodingException e) {
      return new Parsed(Map.of(), List.of(new ConfigProblem(name, "is not UTF-8 text")));
    } catch (IOException e) {
      return new Parsed(
          Map.of(),
          List.of(
              new ConfigProblem(name, "cannot be read (" + e.getClass().getSimpleName() + ")")));
    }
    return parse(text, name);
  }

  /** Parses the text of a file called {@code name} (used in problems). */
  static Parsed parse(String text, String name) {
    DotEnvFile file = new DotEnvFile(text, name);
    file.parseAll();
    return new Parsed(file.values, file.problems);
  }

  private void parseAll() {
    while (pos < text.length()) {
      parseLine();
    }
  }

  private void parseLine() {
    int startLine = line;
    skipBlanks();
    if (atEndOfLine() || peek() == '#') {
      skipToNextLine();
      return;
    }
    if (text.startsWith("export", pos)
        && pos + 6 < text.length()
        && isBlank(text.charAt(pos + 6))) {
      pos += 6;
      skipBlanks();
    }
    String key = readName();
    skipBlanks();
    if (key.isEmpty() || atEndOfLine() || peek() != '=') {
      problem(startLine, "expected NAME=value (the line is not shown: it may hold a secret)");
      skipToNextLine();
      return;
    }
    pos++; // '='
    skipBlanks();
    String value;
    if (!atEndOfLine() && (peek() == '"' || peek() == '\'')) {
      char quote = peek();
      pos++;
      StringBuilder quoted = new StringBuilder();
      if (!readQuoted(quote, quoted)) {
        problem(startLine, "the quote opening the value of " + key + " is never closed");
        pos = text.length();
        return;
      }
      value = quoted.toString();
      skipBlanks();
      if (!atEndOfLine() && peek() != '#') {
        problem(line, "unexpected text after the closing quote of " + key);
        skipToNextLine();
        return;
      }
      skipToNextLine();
    } else {
      value = readUnquoted();
      skipToNextLine();
    }
    values.put(key, value);
  }

  /** Reads up to the closing quote (consumed); false at the end of the text. */
  private boolean readQuoted(char quote, StringBuilder out) {
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return true;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '\\' && quote == '"' && pos < text.length()) {
        char next = text.charAt(pos);
        switch (next) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          default -> {
            // An unknown escape stays as written (a Windows path, a regex).
            out.append('\\');
            continue;
          }
        }
        pos++;
        continue;
      }
      if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
        continue; // CRLF inside a multi-line value becomes LF
      }
      out.append(c);
    }
    return false;
  }

  private String readUnquoted() {
    int start = pos;
    int end = pos;
    while (end < text.length() && text.charAt(end) != '\n') {
      char c = text.charAt(end);
      // '#' opens a comment only after whitespace, as in Compose: passwords may contain '#'. (The
      // character before the value is '=' or a blank, so end - 1 is always inside the text.)
      if (c == '#' && isBlank(text.charAt(end - 1))) {
        break;
      }
      end++;
    }
    pos = end;
    return text.substring(start, end).strip();
  }

  private String readName() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (!(letter || (digit && pos > start))) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipBlanks() {
    while (pos < text.length() && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  private void skipToNextLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    if (pos < text.length()) {
      pos++;
      line++;
    }
  }

  private boolean atEndOfLine() {
    return pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r';
  }

  private char peek() {
    return text.charAt(pos);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private void problem(int lineNumber, String message) {
    problems.add(new ConfigProblem(name + " line " + lineNumber, message));
  }
}
