package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.bootstrap.wiring.CoreModule;
import com.feesmanager.automation.bootstrap.wiring.EmbeddedAdaptersModule;
import com.feesmanager.automation.bootstrap.wiring.ProcessModule;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The injector of {@code demo} and {@code preview --data}: the shared core over {@link
 * EmbeddedAdaptersModule}, with SPEC §7's defaults instead of the environment, so the same files
 * always give the same output. Alerts are recorded, not shown.
 */
public final class EmbeddedDefault {

  /** SPEC §7's default {@code DEFAULT_COUNTRY_CODE}. */
  private static final String COUNTRY_CODE = "92";

  private EmbeddedDefault() {}

  public static Injector injector(
      List<Path> accountFiles, Clock clock, AutomationSettings settings, OutboxGateway outbox) {
    return Guice.createInjector(
        new CoreModule(settings, COUNTRY_CODE, true),
        new ProcessModule(clock, new RecordingAlerts(), new InMemoryDailyTally()),
        new EmbeddedAdaptersModule(
            FileAccountData.load(accountFiles, AccountDefaults.SPEC), outbox));
  }
}
