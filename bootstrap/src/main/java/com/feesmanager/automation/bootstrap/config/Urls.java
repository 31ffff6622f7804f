package com.feesmanager.automation.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks on http(s) URLs shared by the URL-valued variables. */
final class Urls {

  private Urls() {}

  /** The value as an absolute http(s) URI with a host, or empty. */
  static Optional<URI> httpUri(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // getHost() is null for names java.net.URI rejects (such as ones with '_'): not reachable
      // by the JDK HTTP client either, so rejecting them here is honest.
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code value} with anything before the last {@code @} of its authority replaced by {@code
   * ****}, for messages about a URL that may carry a password and may not even parse.
   */
  static String withoutCredentials(String value) {
    int schemeEnd = value.indexOf("://");
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int at = value.lastIndexOf('@');
    if (at < start) {
      return value;
    }
    return value.substring(0, start) + "****" + value.substring(at);
  }
}
