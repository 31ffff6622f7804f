package com.feesmanager.automation.adapters.wppconnect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds request URIs under the server URL with each path segment percent-encoded. */
final class Paths {

  private Paths() {}

  static URI resolve(URI serverUrl, String... segments) {
    StringBuilder path = new StringBuilder(stripTrailingSlash(serverUrl.toString()));
    for (String segment : segments) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return URI.create(path.toString());
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
