package com.feesmanager.automation.runner.daemon.e2e;

import static com.feesmanager.automation.runner.daemon.e2e.E2eStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.SendReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against replies that do not say whether the message went out (issue 11): the daemon asks
 * the server's chat (get-messages) instead of sending again or giving up. Every recipient gets
 * exactly one message and every log ends SENT.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class WhatsAppAmbiguousIT {

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

  private void assertEachOnceAndSent(E2eAccount account) throws InterruptedException {
    await(
        "every log SENT",
        Duration.ofSeconds(60),
        () ->
            stack.logsByStudent(account.uid()).values().stream()
                    .filter(log -> "SENT".equals(log.getString("status")))
                    .count()
                == account.students());
    Thread.sleep(3_000);
    for (String digits : account.expectedDigits()) {
      assertThat(stack.whatsapp.delivered(digits)).as(digits + stack.transcript()).isEqualTo(1);
    }
    assertThat(
            stack.logsByStudent(account.uid()).values().stream()
                .filter(log -> "SENT".equals(log.getString("status")))
                .map(log -> log.getString("providerMessageId")))
        .allSatisfy(id -> assertThat(id).startsWith("true_"));
  }

  @Test
  void a_500_after_sending_a_201_with_false_and_the_lying_400_each_end_SENT_with_one_message()
      throws Exception {
    // given the first three sends go out but their replies say otherwise
    E2eAccount account = E2eAccount.dueThisMinute(4);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(
        new SendReply.ErrorAfterSending(),
        new SendReply.FalseAfterSending(),
        new SendReply.LyingNotExists());

    // when
    stack.startDaemon(stack.env(E2eStack.freePort()));

    // then
    assertEachOnceAndSent(account);
    assertThat(stack.whatsapp.requests("get-messages")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void kill_9_after_the_message_went_out_then_restart_ends_SENT_with_one_message()
      throws Exception {
    // given a due occurrence whose first send goes out but is never answered
    E2eAccount account = E2eAccount.dueThisMinute(3);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(new SendReply.StallAfterSending());
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_TIMEOUT", "PT4S");
    env.put("VISIBILITY_TIMEOUT", "PT8S");
    JarProcess first = stack.startDaemon(env);
    await("the first send on the wire", Duration.ofSeconds(60), () -> stack.sends().size() >= 1);

    // when the daemon dies between marking the send started and recording its outcome
    first.kill();
    stack.startDaemon(env);

    // then the next claim asks the chat, finds it, and nobody gets it twice
    assertEachOnceAndSent(account);
  }

  @Test
  void kill_9_before_the_message_went_out_then_restart_sends_it_once() throws Exception {
    // given a due occurrence whose first send is taken but never sent nor answered
    E2eAccount account = E2eAccount.dueThisMinute(3);
    stack.importAccount(account);
    stack.whatsapp.replyToNextSends(new SendReply.Stall());
    Map<String, String> env = stack.env(E2eStack.freePort());
    env.put("WPP_TIMEOUT", "PT4S");
    env.put("VISIBILITY_TIMEOUT", "PT8S");
    JarProcess first = stack.startDaemon(env);
    await("the first send on the wire", Duration.ofSeconds(60), () -> stack.sends().size() >= 1);

    // when the daemon dies mid-send, and starts again
    first.kill();
    stack.startDaemon(env);

    // then the chat has no such message: it is sent again, and arrives once
    assertEachOnceAndSent(account);
  }
}
