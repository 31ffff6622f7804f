package com.feesmanager.automation.runner.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulator;
import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.TestRedisDatabase;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble;
import com.feesmanager.automation.runner.daemon.cli.SampleImport;
import java.util.HashMap;
import java.util.Map;

/**
 * The servers a tick of these tests runs against: the Firestore emulator (emptied, the sample
 * academy imported), Redis database 13 (flushed) and a wppconnect-server double with the sample's
 * session connected. Needs {@link FirestoreEmulatorExtension} on the test class.
 */
final class SampleServers implements AutoCloseable {

  /** Friday 2026-11-20 10:00:30 in Karachi: only the DAILY 10:00 rule of the sample is due. */
  static final String DUE = "2026-11-20T10:00:30+05:00";

  /** Friday 03:17:30 in Karachi: no rule of the sample is due (as the cold-start bench). */
  static final String NOTHING_DUE = "2026-11-20T03:17:30+05:00";

  static final String SAMPLE_UID = "demo-academy";

  private final WppConnectServerDouble whatsapp;

  private SampleServers(WppConnectServerDouble whatsapp) {
    this.whatsapp = whatsapp;
  }

  static SampleServers start() throws Exception {
    FirestoreEmulatorExtension.emulator().reset();
    TestRedisDatabase.flush(13);
    WppConnectServerDouble whatsapp = WppConnectServerDouble.start();
    whatsapp.connect("demo");
    SampleServers servers = new SampleServers(whatsapp);
    assertThat(SampleImport.importSample(servers.env())).startsWith("0 ");
    return servers;
  }

  WppConnectServerDouble whatsapp() {
    return whatsapp;
  }

  /** The environment (SPEC §7) of a tick against these servers. */
  Map<String, String> env() {
    FirestoreEmulator emulator = FirestoreEmulatorExtension.emulator();
    Map<String, String> env = new HashMap<>();
    env.put("FIRESTORE_EMULATOR_HOST", emulator.host());
    env.put("FIREBASE_PROJECT_ID", FirestoreEmulator.PROJECT);
    env.put("REDIS_URL", TestRedisDatabase.url(13));
    env.put("WPPCONNECT_SERVER_URL", whatsapp.baseUrl().toString());
    env.put("WPPCONNECT_SECRET_KEY", whatsapp.secretKey());
    env.put("MIN_SEND_INTERVAL", "0");
    env.put("HTTP_PORT", "0");
    return env;
  }

  @Override
  public void close() {
    whatsapp.close();
  }
}
