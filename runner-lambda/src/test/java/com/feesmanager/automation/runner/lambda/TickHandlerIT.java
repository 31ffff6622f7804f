package com.feesmanager.automation.runner.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The function platform's handler on the real adapters: the Firestore emulator, Redis (database 13,
 * flushed first) and the wppconnect-server double.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class TickHandlerIT {

  private static final String AT = SampleServers.DUE;

  private SampleServers servers;
  private WppConnectServerDouble whatsapp;

  @BeforeEach
  void servers() throws Exception {
    servers = SampleServers.start();
    whatsapp = servers.whatsapp();
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void an_occurrence_due_at_the_given_instant_sends_each_message_once_across_invocations() {
    TickHandler handler = new TickHandler(servers.env());

    Map<String, Object> first = handler.handleRequest(Map.of("at", AT), context(60_000));

    assertThat(first)
        .containsEntry("exitCode", 0)
        .containsEntry("sent", 18)
        .containsEntry("failed", 0)
        .containsEntry("held", 0)
        .doesNotContainKey("error");
    assertThat(whatsapp.sends()).hasSize(18);
    assertThat(whatsapp.sends()).extracting(s -> s.phone() + s.message()).doesNotHaveDuplicates();

    // a second invocation for the same minute sends nothing more
    Map<String, Object> second = handler.handleRequest(Map.of("at", AT), context(60_000));
    assertThat(second).containsEntry("exitCode", 0).containsEntry("sent", 0);
    assertThat(whatsapp.sends()).hasSize(18);
  }

  @Test
  void a_configuration_error_answers_exit_code_2_with_its_message() {
    Map<String, String> env = servers.env();
    env.put("REDIS_URL", "not-a-url");

    Map<String, Object> answer = new TickHandler(env).handleRequest(Map.of(), context(60_000));

    assertThat(answer).containsEntry("exitCode", 2).containsKey("error");
    assertThat(whatsapp.sends()).isEmpty();
  }

  /** A platform context that only knows its remaining time (all the handler asks). */
  private static Context context(int remainingMillis) {
    return (Context)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getRemainingTimeInMillis")) {
                return remainingMillis;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
