package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.rule.RuleDraft;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.QueuedMessage;
import com.feesmanager.automation.ports.out.SendTimeReads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A send's documents in one {@code batchGet}: {@code users/{uid}}, the rule at {@code
 * automationRules/{ruleId}}, each student and the message's log, read at one instant. One round
 * trip instead of five (the rule book's two queries among them); a failure is left to the caller,
 * which reads each part through its own adapter and that adapter's copy.
 */
final class RestSendTimeReads implements SendTimeReads {

  private final RestFirestore firestore;
  private final Calls calls;
  private final RestAccountDirectory accounts;
  private final FirestoreDeliveryLog logs;

  RestSendTimeReads(
      RestFirestore firestore,
      Calls calls,
      RestAccountDirectory accounts,
      FirestoreDeliveryLog logs) {
    this.firestore = firestore;
    this.calls = calls;
    this.accounts = accounts;
    this.logs = logs;
  }

  @Override
  public Optional<SendTimeData> readTogether(QueuedMessage queued) {
    String uid = queued.uid();
    // this process's own log write, not yet committed, answers before what Firestore holds
    Optional<MessageLog> waiting = logs.waiting(uid, queued.key());
    String account = RestAccountDirectory.path(uid);
    String rule = RestRuleSource.path(uid, queued.ruleId());
    String log = FirestoreDeliveryLog.path(uid, queued.key());
    Set<String> studentIds = new LinkedHashSet<>(queued.message().studentIds());
    List<String> paths = new ArrayList<>(List.of(account, rule, log));
    studentIds.forEach(id -> paths.add(FirestoreStudentDirectory.path(uid, id)));
    Map<String, RestFirestore.Document> found =
        calls.read("send-time documents of " + log, () -> firestore.getAll(paths));

    Optional<RuleDraft> ruleNow =
        Optional.ofNullable(found.get(rule))
            .map(
                document ->
                    AccountDocuments.rule(
                        uid, document.id(), FirestoreValues.plain(document.data())));
    Map<String, Optional<Student>> students = new LinkedHashMap<>();
    for (String id : studentIds) {
      students.put(
          id,
          Optional.ofNullable(found.get(FirestoreStudentDirectory.path(uid, id)))
              .flatMap(document -> FirestoreStudentDirectory.student(uid, document)));
    }
    return Optional.of(
        new SendTimeData(
            accounts.accept(uid, Optional.ofNullable(found.get(account))),
            ruleNow,
            students,
            waiting.isPresent()
                ? waiting
                : logs.stored(uid, queued.key(), Optional.ofNullable(found.get(log)))));
  }
}
