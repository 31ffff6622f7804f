package com.feesmanager.automation.bootstrap.config;

import java.net.URI;
import java.util.Objects;

/**
 * An http(s) URL whose path is a credential (Slack and Discord webhook URLs carry their token in
 * the path): {@code toString} shows only the scheme and host.
 */
public final class SecretUrl {

  private final URI uri;

  private SecretUrl(URI uri) {
    this.uri = uri;
  }

  /**
   * Parses an absolute {@code http://} or {@code https://} URL.
   *
   * @throws IllegalArgumentException with a message that does not repeat the URL
   */
  public static SecretUrl parse(String value) {
    Objects.requireNonNull(value, "'value' must not be null");
    return new SecretUrl(
        Urls.httpUri(value)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "must be an http:// or https:// URL (the value is not shown: webhook URLs"
                            + " carry a token)")));
  }

  /** The URL itself, for the HTTP client that posts to it; never log it. */
  public URI reveal() {
    return uri;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretUrl url && url.uri.equals(uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  @Override
  public String toString() {
    return uri.getScheme() + "://" + uri.getHost() + "/****";
  }
}
