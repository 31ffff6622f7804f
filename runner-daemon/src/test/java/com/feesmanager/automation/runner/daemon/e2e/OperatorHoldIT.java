package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's hold across processes (SPEC §8 console): a hold set in Redis by one process makes
 * a {@code tick} leave the account's messages waiting — nothing sent, nothing skipped, exit 0 — and
 * after the release the next {@code tick} sends each of them exactly once.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class OperatorHoldIT {

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

  @Test
  void a_held_account_sends_nothing_until_released_then_each_message_once() throws Exception {
    // given an account whose rule is due this minute, held by the operator
    E2eAccount account = E2eAccount.dueThisMinute(3);
    stack.importAccount(account);
    Map<String, String> env = stack.env(0);
    try (RedisConnection redis = RedisConnection.open(RedisSettings.of(stack.redis.url()))) {
      redis.operatorHolds().hold(account.uid(), Instant.now());

      // when a tick runs
      JarProcess held =
          JarProcess.run(workDir, Duration.ofSeconds(90), env, "tick", "--max-seconds", "3");

      // then it fired and queued, sent nothing, skipped nothing, and the messages wait
      assertThat(held.exitCode()).as(held.out() + held.err()).isZero();
      assertThat(held.out()).contains("FIRED " + account.uid()).contains("sent 0,");
      assertThat(stack.sends()).isEmpty();
      assertThat(redis.messageQueue().deadLetters(10)).isEmpty();

      // when the operator releases it and the next tick runs
      redis.operatorHolds().release(account.uid());
      JarProcess released =
          JarProcess.run(workDir, Duration.ofSeconds(150), env, "tick", "--max-seconds", "60");

      // then every message went out exactly once
      assertThat(released.exitCode()).as(released.out() + released.err()).isZero();
    }
    Map<String, Long> delivered =
        stack.sends().stream()
            .filter(send -> "Ack".equals(send.reply()))
            .collect(
                Collectors.groupingBy(
                    send -> send.phone().replaceAll("\\D", ""), Collectors.counting()));
    List<String> expected = account.expectedDigits();
    assertThat(delivered)
        .containsOnlyKeys(expected)
        .allSatisfy((digits, count) -> assertThat(count).as(digits).isEqualTo(1L));
    assertThat(stack.sends()).extracting(RecordedSend::reply).containsOnly("Ack");
  }
}
