package com.feesmanager.automation.bootstrap.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks for host names, addresses and ports; nothing is resolved. */
final class Hosts {

  // Letters, digits, '-', '_' (Docker Compose v1 container names) and dots; IPv4 literals match.
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%\\w+)?");

  private Hosts() {}

  static boolean isHostName(String text) {
    return text.length() <= 253 && HOST_NAME.matcher(text).matches();
  }

  static boolean isIpv6(String text) {
    return IPV6.matcher(text).matches();
  }

  static boolean isBracketedIpv6(String text) {
    return text.length() > 2
        && text.startsWith("[")
        && text.endsWith("]")
        && isIpv6(text.substring(1, text.length() - 1));
  }

  /** A TCP port 1–65535 written in decimal, or empty. */
  static Optional<Integer> port(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }
}
