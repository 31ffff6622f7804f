package com.feesmanager.automation.adapters.local;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.contract.MessageQueueContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryMessageQueueTest extends MessageQueueContract {

  @Override
  protected QueueUnderTest newQueue(Duration visibilityTimeout, Duration dedupeRetention) {
    return QueueUnderTest.of(new InMemoryMessageQueue(visibilityTimeout, dedupeRetention));
  }

  @Test
  void racingWorkers_claimEachMessageExactlyOnce() throws InterruptedException {
    // given
    InMemoryMessageQueue queue = new InMemoryMessageQueue(VISIBILITY, RETENTION);
    int messages = 500;
    for (int i = 0; i < messages; i++) {
      queue.enqueue(aQueuedMessage().inSession("s").enqueuedAt(T0.plusMillis(i)).build(), T0);
    }
    ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(8);

    // when
    for (int w = 0; w < 8; w++) {
      workers.submit(
          () -> {
            start.await();
            Optional<Claim> claim;
            while ((claim = queue.claimNext("s", T0.plusSeconds(1))).isPresent()) {
              claims.add(claim.get());
              queue.complete(claim.get(), T0.plusSeconds(1));
            }
            return null;
          });
    }
    start.countDown();
    workers.shutdown();
    assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    // then
    List<String> keys = claims.stream().map(claim -> claim.message().key().value()).toList();
    assertThat(keys).hasSize(messages).doesNotHaveDuplicates();
  }

  @Test
  void rejectsANonPositiveVisibilityTimeout() {
    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new InMemoryMessageQueue(Duration.ZERO, RETENTION));
  }
}
