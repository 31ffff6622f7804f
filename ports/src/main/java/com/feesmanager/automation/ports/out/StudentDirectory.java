package com.feesmanager.automation.ports.out;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.Mapped;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads an account's students, as a stream (large accounts are never loaded all at once). */
public interface StudentDirectory {

  /** Hands each student document, mapped or broken, to {@code each}. */
  void forEachStudent(String uid, Consumer<Mapped<Student>> each);

  /**
   * One student, from data at most {@code LEDGER_MAX_AGE} old: what the balance re-check before
   * sending reads. Empty when the student no longer exists or cannot be understood.
   */
  Optional<Student> student(String uid, String studentId);
}
