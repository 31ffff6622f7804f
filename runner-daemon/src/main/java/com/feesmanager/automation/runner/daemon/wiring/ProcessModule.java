package com.feesmanager.automation.runner.daemon.wiring;

import com.feesmanager.automation.application.DeduplicatingAlerts;
import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.Alerts;
import com.feesmanager.automation.ports.out.DailyTally;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a process has once: its clock, its random source for jitter, its alert channel (behind SPEC
 * §8's 15-minute de-duplication, shared with other processes through the adapters' {@link
 * AlertGate}) and the daily tally.
 */
public final class ProcessModule extends AbstractModule {

  private final Clock clock;
  private final Alerts alertChannel;
  private final DailyTally tally;

  public ProcessModule(Clock clock, Alerts alertChannel, DailyTally tally) {
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.alertChannel = Objects.requireNonNull(alertChannel, "'alertChannel' must not be null");
    this.tally = Objects.requireNonNull(tally, "'tally' must not be null");
  }

  @Provides
  Clock clock() {
    return clock;
  }

  @Provides
  @Singleton
  RandomGenerator random() {
    return RandomGenerator.getDefault();
  }

  @Provides
  @Singleton
  Alerts alerts(AlertGate gate) {
    return new DeduplicatingAlerts(alertChannel, gate, DeduplicatingAlerts.WINDOW);
  }

  @Provides
  DailyTally tally() {
    return tally;
  }
}
