package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.runner.daemon.Version;
import picocli.CommandLine;

/** {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"fees-automation " + Version.VALUE};
  }
}
