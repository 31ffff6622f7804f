package com.feesmanager.automation.ports.in;

import com.feesmanager.automation.ports.out.Heartbeat;
import com.feesmanager.automation.ports.out.QueueCounts;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Queue counts per session and the last heartbeat of each account (SPEC §8 {@code status}). */
public interface GetStatusUseCase {

  StatusReport status(StatusQuery query);

  /** Status as of {@code now}. */
  record StatusQuery(Instant now) {
    public StatusQuery {
      Objects.requireNonNull(now, "'now' must not be null");
    }
  }

  /** Queue counts by session and last heartbeat by account uid. */
  record StatusReport(Map<String, QueueCounts> queues, Map<String, Heartbeat> heartbeats) {
    public StatusReport {
      queues = Map.copyOf(queues);
      heartbeats = Map.copyOf(heartbeats);
    }

    public QueueCounts total() {
      return queues.values().stream().reduce(QueueCounts.EMPTY, QueueCounts::plus);
    }
  }
}
