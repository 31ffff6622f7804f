package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.Mapped;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.MessageLog;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.RunSummary;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The gRPC adapters as ports that build the gRPC client on their first call, not when they are
 * handed out (REST-first mode): the runner's wiring asks for every port up front, and a tick with
 * nothing due calls none of these.
 */
final class OnFirstUse {

  private OnFirstUse() {}

  static StudentDirectory students(Supplier<? extends StudentDirectory> adapter) {
    return new StudentDirectory() {
      @Override
      public void forEachStudent(String uid, Consumer<Mapped<Student>> each) {
        adapter.get().forEachStudent(uid, each);
      }

      @Override
      public Optional<Student> student(String uid, String studentId) {
        return adapter.get().student(uid, studentId);
      }
    };
  }

  static DeliveryLog deliveryLog(Supplier<? extends DeliveryLog> adapter) {
    return new DeliveryLog() {
      @Override
      public boolean record(MessageLog log) {
        return adapter.get().record(log);
      }

      @Override
      public Optional<MessageLog> find(String uid, MessageKey key) {
        return adapter.get().find(uid, key);
      }

      @Override
      public Optional<MessageLog> findByProviderMessageId(String providerMessageId) {
        return adapter.get().findByProviderMessageId(providerMessageId);
      }

      @Override
      public List<MessageLog> latest(String uid, int limit) {
        return adapter.get().latest(uid, limit);
      }
    };
  }

  static RunLog runLog(Supplier<? extends RunLog> adapter) {
    return new RunLog() {
      @Override
      public void record(RunSummary summary) {
        adapter.get().record(summary);
      }

      @Override
      public List<RunSummary> recent(String uid, int limit) {
        return adapter.get().recent(uid, limit);
      }

      @Override
      public Optional<RunSummary> find(String uid, String ruleId, String occurrence) {
        return adapter.get().find(uid, ruleId, occurrence);
      }
    };
  }

  static SessionBindings sessionBindings(Supplier<? extends SessionBindings> adapter) {
    return new SessionBindings() {
      @Override
      public Binding bind(String session, String uid, Instant now) {
        return adapter.get().bind(session, uid, now);
      }

      @Override
      public void rebind(String session, String uid, Instant now) {
        adapter.get().rebind(session, uid, now);
      }

      @Override
      public void warm(String session, Instant now) {
        adapter.get().warm(session, now);
      }

      @Override
      public Optional<Bound> boundTo(String session) {
        return adapter.get().boundTo(session);
      }
    };
  }
}
