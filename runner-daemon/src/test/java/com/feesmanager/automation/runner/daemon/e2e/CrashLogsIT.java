package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import com.google.cloud.firestore.DocumentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "Logs live in memory": the daemon jar killed with {@code kill -9} right after a send
 * leaves that message's log SENT in Firestore (it was written through before the message was
 * completed), and SIGTERM while a send hangs still exits 0 within the 30 s the spec allows (one
 * budget for every stop step, under the compose file's and the systemd unit's 40 s).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class CrashLogsIT {

  @TempDir Path workDir;
  private E2eStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = E2eStack.start(workDir);
  }

  @AfterEach
  void stop() throws Exception {
    stack.whatsapp.releaseStalled();
    stack.close();
  }

  @Test
  void kill_9_right_after_a_send_leaves_its_log_sent() throws Exception {
    // given a due occurrence whose first send is answered and whose second hangs
    E2eAccount account = E2eAccount.dueThisMinute(3);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(new SendReply.Ack(1), new SendReply.Stall());
    JarProcess daemon = stack.startDaemon(stack.env(E2eStack.freePort()));

    // when the daemon is killed the moment the next send reaches the gateway (the first message
    // was sent, logged and completed just before)
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (stack.sends().size() < 2) {
      assertThat(System.nanoTime()).as("2 sends%s", stack.transcript()).isLessThan(deadline);
      Thread.sleep(1);
    }
    daemon.kill();

    // then, with no process left to write anything, Firestore says the first message was SENT
    String first = stack.sends().get(0).phone().replaceAll("\\D", "");
    Map<String, DocumentSnapshot> logs = stack.logsByStudent(account.uid());
    DocumentSnapshot log =
        logs.values().stream()
            .filter(doc -> first.equals(doc.getString("to")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no log to " + first + " in " + logs.keySet()));
    assertThat(log.getString("status")).as(stack.transcript()).isEqualTo("SENT");
    assertThat(log.getString("providerMessageId")).isNotBlank();
    assertThat(log.get("sentAt")).isNotNull();
  }

  @Test
  void sigterm_while_a_send_hangs_exits_0_within_the_budget() throws Exception {
    // given a daemon whose send hangs for longer than the whole stop budget
    E2eAccount account = E2eAccount.dueThisMinute(2);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(new SendReply.Stall());
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_TIMEOUT", "PT60S");
    JarProcess daemon = stack.startDaemon(env);
    await("the first send to hang", Duration.ofSeconds(60), () -> stack.sends().size() >= 1);

    // when it gets SIGTERM
    long signalled = System.nanoTime();
    daemon.terminate();

    // then it exits 0 before the 30 s are up (the hung worker interrupted, the clients closed)
    assertThat(daemon.waitFor(Duration.ofSeconds(40))).as(daemon.err()).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - signalled);
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    assertThat(took).as(daemon.err()).isLessThan(Duration.ofSeconds(29));
    assertThat(daemon.err() + daemon.out()).contains("stopped");
  }
}
