package com.feesmanager.automation.runner.daemon;

/** The version written to the heartbeat and printed by {@code --version}. */
public final class Version {

  public static final String VALUE =
      java.util.Optional.ofNullable(Version.class.getPackage().getImplementationVersion())
          .orElse("0.1.0-SNAPSHOT");

  private Version() {}
}
