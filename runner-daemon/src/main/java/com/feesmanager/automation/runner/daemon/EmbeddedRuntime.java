package com.feesmanager.automation.runner.daemon;

import com.feesmanager.automation.adapters.local.FileAccountData;
import com.feesmanager.automation.adapters.local.InMemoryDailyTally;
import com.feesmanager.automation.adapters.local.InMemoryDeliveryLog;
import com.feesmanager.automation.adapters.local.InMemoryMessageQueue;
import com.feesmanager.automation.adapters.local.InMemoryOccurrenceClaims;
import com.feesmanager.automation.adapters.local.InMemoryRateLimitLedger;
import com.feesmanager.automation.adapters.local.InMemoryRunLog;
import com.feesmanager.automation.adapters.local.OutboxGateway;
import com.feesmanager.automation.adapters.local.RecordingAlerts;
import com.feesmanager.automation.application.AutomationSettings;
import com.feesmanager.automation.application.DeliverMessagesService;
import com.feesmanager.automation.application.FireDueOccurrencesService;
import com.feesmanager.automation.application.PreviewOccurrenceService;
import com.feesmanager.automation.application.QueueDrainer;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.ReminderPlanner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The embedded default of SPEC §9 wired by hand: account files, in-process queue, claims, ledger
 * and logs, and the outbox gateway, around the same use cases production runs.
 */
final class EmbeddedRuntime {

  /** The embedded queue's settings are SPEC §7's defaults. */
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofMinutes(2);

  private static final Duration DEDUPE_RETENTION = Duration.ofDays(14);

  final FileAccountData data;
  final InMemoryMessageQueue queue = new InMemoryMessageQueue(VISIBILITY_TIMEOUT, DEDUPE_RETENTION);
  final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();
  final InMemoryRunLog runLog = new InMemoryRunLog();
  final RecordingAlerts alerts = new RecordingAlerts();
  final InMemoryDailyTally tally = new InMemoryDailyTally();
  final Clock clock;
  final ReminderPlanner planner;
  private final AutomationSettings settings;

  EmbeddedRuntime(List<Path> accountFiles, Clock clock, AutomationSettings settings) {
    this.data = FileAccountData.load(accountFiles, AccountDefaults.SPEC);
    this.clock = clock;
    this.settings = settings;
    this.planner = new ReminderPlanner(new PhoneNormaliser("92"));
  }

  FireDueOccurrencesService fireDueOccurrences() {
    return new FireDueOccurrencesService(
        data,
        data,
        data,
        new InMemoryOccurrenceClaims(),
        queue,
        deliveryLog,
        runLog,
        alerts,
        tally,
        planner,
        settings);
  }

  QueueDrainer drainer(PrintStream console, Path outbox) {
    var deliver =
        new DeliverMessagesService(
            queue,
            data,
            data,
            new InMemoryRateLimitLedger(),
            new OutboxGateway(console, outbox),
            deliveryLog,
            alerts,
            tally,
            settings,
            RandomGenerator.getDefault());
    return new QueueDrainer(deliver, clock, QueueDrainer.Sleeper.onClock(clock));
  }

  PreviewOccurrenceService preview() {
    return new PreviewOccurrenceService(data, data, data, planner);
  }
}
