package com.feesmanager.automation.runner.daemon;

import picocli.CommandLine;

/** The version printed by {@code --version} and written to the heartbeat. */
final class Version implements CommandLine.IVersionProvider {

  static final String VALUE =
      java.util.Optional.ofNullable(Version.class.getPackage().getImplementationVersion())
          .orElse("0.1.0-SNAPSHOT");

  @Override
  public String[] getVersion() {
    return new String[] {"fees-automation " + VALUE};
  }
}
