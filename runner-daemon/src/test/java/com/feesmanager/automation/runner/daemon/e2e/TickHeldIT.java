package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.RecordedSend;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tick} from external cron, as separate processes of the jar (issue 10, bullet 6): a message
 * held because the session was down at one tick is delivered by the next tick once the session is
 * back, even when that tick starts before the hold ends — exactly once, exit codes 1 then 0.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class TickHeldIT {

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
  void a_message_held_at_one_tick_is_sent_by_the_next_tick_exactly_once() throws Exception {
    // given an account whose rule is due this minute, and its WhatsApp session down
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    E2eAccount account =
        new E2eAccount(
            "academy-" + UUID.randomUUID().toString().substring(0, 8),
            "session-" + UUID.randomUUID().toString().substring(0, 8),
            LocalTime.ofInstant(due, ZoneOffset.UTC),
            due.minus(1, ChronoUnit.MINUTES),
            3);
    stack.importAccount(account);
    stack.whatsapp.setState(account.session(), State.CLOSED);
    Map<String, String> env = stack.env(0);

    // when the first tick runs
    JarProcess first =
        JarProcess.run(workDir, Duration.ofSeconds(90), env, "tick", "--max-seconds", "3");

    // then it fired, sent nothing, held the messages and exits 1
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(first.out())
        .contains("FIRED " + account.uid())
        .contains("held: session " + account.session() + " (SESSION_DOWN)");
    assertThat(stack.sends()).extracting(RecordedSend::reply).containsOnly("404");

    // when the session is back and the next tick starts while the hold still runs
    stack.whatsapp.connect(account.session());
    JarProcess second =
        JarProcess.run(workDir, Duration.ofSeconds(120), env, "tick", "--max-seconds", "50");

    // then every message went out exactly once and it exits 0
    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("sent 3,").contains("held 0, waiting 0");
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
  }
}
