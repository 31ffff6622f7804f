package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.google.cloud.firestore.DocumentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 on the jar: what the owner switches off after reminders were queued does not go out
 * (SPEC §4), and a message the daemon cannot read goes dead instead of looping.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class SendTimeTruthIT {

  @TempDir Path workDir;
  private E2eStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = E2eStack.start(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  /** Imports the account with its session waiting for a QR scan: its messages are held. */
  private void importWaitingForScan(E2eAccount account) throws InterruptedException {
    stack.importAccount(account);
    stack.whatsapp.requireScanOnStart(account.session(), true);
    stack.whatsapp.setState(account.session(), WppConnectServerDouble.State.QRCODE);
  }

  private long logsWithStatus(E2eAccount account, String status) {
    return stack.logsByStudent(account.uid()).values().stream()
        .filter(log -> status.equals(log.getString("status")))
        .count();
  }

  /** Messages from us in the chat with the account's student {@code i} (1-based). */
  private long delivered(E2eAccount account, int i) {
    return stack.whatsapp.chat(account.session(), account.digits(i)).stream()
        .filter(WppConnectServerDouble.ChatMessage::fromMe)
        .count();
  }

  private DocumentSnapshot log(E2eAccount account, String studentId) {
    return stack.logsByStudent(account.uid()).get(studentId);
  }

  @Test
  void opted_out_or_switched_off_after_queueing_sends_nothing_and_a_poison_message_goes_dead()
      throws Exception {
    // given three accounts whose reminders are queued and held (their sessions wait for a scan)
    E2eAccount optingOut = E2eAccount.dueThisMinute(3);
    E2eAccount switchingOff = E2eAccount.dueThisMinute(2);
    E2eAccount poisoned = E2eAccount.dueThisMinute(3);
    for (E2eAccount account : List.of(optingOut, switchingOff, poisoned)) {
      importWaitingForScan(account);
    }
    Map<String, String> env = stack.env(E2eStack.freePort());
    stack.startDaemon(env);
    await(
        "8 QUEUED logs",
        Duration.ofSeconds(60),
        () ->
            logsWithStatus(optingOut, "QUEUED") == 3
                && logsWithStatus(switchingOff, "QUEUED") == 2
                && logsWithStatus(poisoned, "QUEUED") == 3);

    // when a parent opts out, an owner switches automation off, a stored message turns unreadable
    stack.update("users/" + optingOut.uid() + "/students/stu-002", Map.of("optOut", true));
    stack.update("users/" + switchingOff.uid(), Map.of("automation.enabled", false));
    String poisonKey = log(poisoned, "stu-003").getId();
    stack.redis.command(
        "HSET", "fm:{" + poisoned.session() + "}:q:st", "d:" + poisonKey, "9|from a newer version");
    // and the sessions are linked again
    for (E2eAccount account : List.of(optingOut, switchingOff, poisoned)) {
      stack.whatsapp.scanQr(account.session());
    }

    // then only what is still wanted goes out, once each (counted in the chats: a send refused
    // while the session waited for its scan reached the double but not the parent)
    await(
        "the held messages to be settled",
        Duration.ofSeconds(90),
        () ->
            delivered(optingOut, 1)
                        + delivered(optingOut, 3)
                        + delivered(poisoned, 1)
                        + delivered(poisoned, 2)
                    >= 4
                && logsWithStatus(optingOut, "QUEUED") == 0
                && logsWithStatus(switchingOff, "QUEUED") == 0);
    Thread.sleep(3_000); // room for a duplicate to show up if one were coming
    Map<String, Long> perRecipient = new TreeMap<>();
    for (E2eAccount account : List.of(optingOut, switchingOff, poisoned)) {
      for (int student = 1; student <= account.students(); student++) {
        perRecipient.put(account.session() + "|" + student, delivered(account, student));
      }
    }
    assertThat(perRecipient)
        .as("messages delivered per session and student%s", stack.transcript())
        .containsAllEntriesOf(
            Map.of(
                optingOut.session() + "|1", 1L,
                optingOut.session() + "|2", 0L,
                optingOut.session() + "|3", 1L,
                switchingOff.session() + "|1", 0L,
                switchingOff.session() + "|2", 0L,
                poisoned.session() + "|1", 1L,
                poisoned.session() + "|2", 1L,
                poisoned.session() + "|3", 0L));
    assertThat(log(optingOut, "stu-002").getString("status")).isEqualTo("SKIPPED");
    assertThat(log(optingOut, "stu-002").getString("reason")).isEqualTo("OPTED_OUT");
    for (String student : List.of("stu-001", "stu-002")) {
      assertThat(log(switchingOff, student).getString("status")).isEqualTo("SKIPPED");
      assertThat(log(switchingOff, student).getString("reason")).isEqualTo("AUTOMATION_DISABLED");
    }
    assertThat(stack.redis.command("ZCARD", "fm:{" + poisoned.session() + "}:q:dead"))
        .startsWith(":1");
    assertThat(stack.transcript()).contains(poisonKey + " of session").contains("PROCESSING_ERROR");
  }
}
