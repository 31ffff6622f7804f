package com.feesmanager.automation.runner.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.TestRedisDatabase;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.runner.daemon.cli.SampleImport;
import java.lang.reflect.Proxy;
import java.util.HashMap;
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

  // Friday 2026-11-20 10:00:30 in Karachi: only the DAILY 10:00 rule of the sample is due.
  private static final String AT = "2026-11-20T10:00:30+05:00";
  private static final String REDIS = TestRedisDatabase.url(13);

  private WppConnectServerDouble whatsapp;

  @BeforeEach
  void servers() throws Exception {
    FirestoreEmulatorExtension.emulator().reset();
    flushRedisDatabase13();
    whatsapp = WppConnectServerDouble.start();
    whatsapp.connect("demo");
    assertThat(SampleImport.importSample(env())).startsWith("0 ");
  }

  @AfterEach
  void stop() {
    whatsapp.close();
  }

  @Test
  void an_occurrence_due_at_the_given_instant_sends_each_message_once_across_invocations() {
    TickHandler handler = new TickHandler(env());

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
    Map<String, String> env = env();
    env.put("REDIS_URL", "not-a-url");

    Map<String, Object> answer = new TickHandler(env).handleRequest(Map.of(), context(60_000));

    assertThat(answer).containsEntry("exitCode", 2).containsKey("error");
    assertThat(whatsapp.sends()).isEmpty();
  }

  private Map<String, String> env() {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    Map<String, String> env = new HashMap<>();
    env.put("FIRESTORE_EMULATOR_HOST", emulator.host());
    env.put("FIREBASE_PROJECT_ID", FirestoreEmulator.PROJECT);
    env.put("REDIS_URL", REDIS);
    env.put("WPPCONNECT_SERVER_URL", whatsapp.baseUrl().toString());
    env.put("WPPCONNECT_SECRET_KEY", whatsapp.secretKey());
    env.put("MIN_SEND_INTERVAL", "0");
    env.put("HTTP_PORT", "0");
    return env;
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

  private static void flushRedisDatabase13() {
    TestRedisDatabase.flush(13);
  }
}
