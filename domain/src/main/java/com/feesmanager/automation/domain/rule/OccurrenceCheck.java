package com.feesmanager.automation.domain.rule;

import java.util.Objects;

/** What the scheduler should do with a rule's latest occurrence at a given instant (SPEC §2). */
public sealed interface OccurrenceCheck {

  /** Fires now. */
  record Due(Occurrence occurrence) implements OccurrenceCheck {
    public Due {
      Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    }
  }

  /** Older than the misfire grace: reported as missed, never fired. */
  record Missed(Occurrence occurrence) implements OccurrenceCheck {
    public Missed {
      Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    }
  }

  /** Falls on one of the account's holidays: reported as skipped ({@code HOLIDAY}). */
  record Holiday(Occurrence occurrence) implements OccurrenceCheck {
    public Holiday {
      Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    }
  }

  /** Nothing to do: no occurrence yet, disabled rule, or scheduled before the rule's createdAt. */
  record NotDue() implements OccurrenceCheck {}
}
