package com.feesmanager.automation.adapters.http;

import java.time.Duration;

/**
 * Read, write and idle limits of every connection, so a slow or silent client cannot hold one of
 * the server's few threads (and with it the webhook and health endpoints). The JDK's server reads
 * them once, from system properties, when its first instance is created in the JVM: they are set
 * here, before that, unless the operator set them on the command line.
 */
final class HttpTimeouts {

  /** A whole request (line, headers and body) must arrive within this. */
  static final Duration READ = Duration.ofSeconds(10);

  /** A response must be taken by the client within this once the request is read. */
  static final Duration WRITE = Duration.ofSeconds(30);

  /** A kept-alive connection with no request is closed after this. */
  static final Duration IDLE = Duration.ofSeconds(30);

  private HttpTimeouts() {}

  static synchronized void install() {
    setUnlessGiven("sun.net.httpserver.maxReqTime", READ.toSeconds());
    setUnlessGiven("sun.net.httpserver.maxRspTime", WRITE.toSeconds());
    setUnlessGiven("sun.net.httpserver.idleInterval", IDLE.toSeconds());
  }

  private static void setUnlessGiven(String property, long seconds) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Long.toString(seconds));
    }
  }
}
