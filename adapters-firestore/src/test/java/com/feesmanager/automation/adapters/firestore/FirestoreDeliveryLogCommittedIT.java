package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.MessageLogBuilder.aMessageLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.delivery.MessageStatus;
import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.contract.DeliveryLogContract;
import com.feesmanager.automation.ports.out.contract.Unique;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery log contract with every write committed before the next step and every read made by
 * another process (a second connection, which has nothing waiting): what is stored in Firestore,
 * not what one process remembers, must satisfy the contract.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@NeedsOfficialEmulator(
    value = "collectionGroup queries (messageLogs where providerMessageId == X)",
    tests = "findByProviderMessageId_findsTheLogAReceiptRefersTo")
class FirestoreDeliveryLogCommittedIT extends DeliveryLogContract {

  private static FirestoreConnection writer;
  private static FirestoreConnection reader;

  @BeforeAll
  static void connect() {
    FirestoreConfig config = FirestoreEmulatorExtension.emulator().config();
    writer = FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
    reader = FirestoreConnection.open(config, AccountDefaults.SPEC, Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    writer.close();
    reader.close();
  }

  @Test
  void aLateWriteFromAProcessThatDoesNotKnow_isRefusedByFirestore_andTheStatusStays() {
    // given a log READ, written by one process
    MessageLog queued = aMessageLog().forAccount(Unique.name("academy")).queuedAt(T0).build();
    MessageLog read = queued.movedTo(MessageStatus.READ, T0.plusSeconds(60), Optional.empty());
    writer.deliveryLog().record(queued);
    writer.deliveryLog().record(read);
    assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();

    // when another process, which never read it, writes a late SENT (written through: the
    // stored log is read in the same call)
    try (FirestoreConnection late =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      MessageLog sent = queued.movedTo(MessageStatus.SENT, T0.plusSeconds(5), Optional.empty());
      assertThat(late.deliveryLog().record(sent)).as("refused by what Firestore holds").isFalse();

      // then Firestore kept READ, and the late process now knows it
      assertThat(reader.deliveryLog().find(queued.uid(), queued.key())).contains(read);
      assertThat(late.deliveryLog().record(sent)).isFalse();
    }

    // when a process that never read it writes a late QUEUED (write-behind: it cannot know yet)
    try (FirestoreConnection late =
        FirestoreConnection.open(
            FirestoreEmulatorExtension.emulator().config(),
            AccountDefaults.SPEC,
            Clock.systemUTC())) {
      assertThat(late.deliveryLog().record(queued.withAttempts(1))).isTrue();
      assertThat(late.flush(Duration.ofSeconds(10))).isTrue();

      // then Firestore refused it at commit, and kept READ
      assertThat(reader.deliveryLog().find(queued.uid(), queued.key())).contains(read);
    }
  }

  @Override
  protected DeliveryLog newLog() {
    return new DeliveryLog() {
      @Override
      public boolean record(MessageLog log) {
        boolean accepted = writer.deliveryLog().record(log);
        assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
        return accepted;
      }

      @Override
      public Optional<MessageLog> find(String uid, MessageKey key) {
        return reader.deliveryLog().find(uid, key);
      }

      @Override
      public Optional<MessageLog> findByProviderMessageId(String providerMessageId) {
        return reader.deliveryLog().findByProviderMessageId(providerMessageId);
      }

      @Override
      public List<MessageLog> latest(String uid, int limit) {
        return reader.deliveryLog().latest(uid, limit);
      }
    };
  }
}
