package com.feesmanager.automation.ports.out.contract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JVM's class-load log ({@code -Xlog:class+load}, any decorations), for the tests that
 * check which libraries a process loaded: "[0.031s][info][class,load] java.lang.Object source:
 * jrt:/java.base".
 */
public final class LoadedClasses {

  private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

  private LoadedClasses() {}

  /** The class a log line names as loaded; empty for any other line. */
  public static Optional<String> of(String line) {
    Matcher matcher = LOADED.matcher(line);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The classes the lines name as loaded, in order. */
  public static List<String> in(List<String> lines) {
    return lines.stream().map(LoadedClasses::of).flatMap(Optional::stream).toList();
  }
}
