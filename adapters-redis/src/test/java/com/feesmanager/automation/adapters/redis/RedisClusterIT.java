package com.feesmanager.automation.adapters.redis;

import static com.feesmanager.automation.ports.out.contract.QueuedMessageBuilder.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.AlertGate;
import com.feesmanager.automation.ports.out.OccurrenceClaims;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.SessionLeases;
import com.feesmanager.automation.ports.out.contract.AlertGateContract;
import com.feesmanager.automation.ports.out.contract.MessageQueueContract;
import com.feesmanager.automation.ports.out.contract.OccurrenceClaimsContract;
import com.feesmanager.automation.ports.out.contract.RateLimitLedgerContract;
import com.feesmanager.automation.ports.out.contract.SessionLeasesContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The same contract tests on a real three-node Redis Cluster started here: every script touches
 * keys of one hash tag, so nothing changes but the client (no CROSSSLOT, scripts route by tag).
 */
class RedisClusterIT {

  private static Path root;
  private static final List<RedisServerProcess> nodes = new ArrayList<>();
  private static RedisConnection connection;

  @BeforeAll
  static void startCluster(TestInfo test) throws Exception {
    root = Files.createTempDirectory("fm-redis-cluster");
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    for (int i = 0; i < 3; i++) {
      Path dir = Files.createDirectories(root.resolve("node" + i));
      RedisServerProcess node =
          RedisServerProcess.start(
              dir,
              "--cluster-enabled",
              "yes",
              "--cluster-config-file",
              dir.resolve("nodes.conf").toString(),
              "--appendonly",
              "no");
      nodes.add(node);
      command.add("127.0.0.1:" + node.port);
    }
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Process create =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("create.log").toFile())
            .start();
    assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(create.exitValue()).as(Files.readString(root.resolve("create.log"))).isZero();
    for (RedisServerProcess node : nodes) {
      awaitClusterOk(node);
    }
    connection =
        RedisConnection.open(
            RedisSettings.of(nodes.get(0).url())
                .withPrefix(TestRedis.prefix())
                .asCluster()
                .withDriver(TestRedis.driverOf(test.getTestClass().orElseThrow())));
  }

  private static void awaitClusterOk(RedisServerProcess node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!node.command("CLUSTER", "INFO").contains("cluster_state:ok")) {
      assertThat(System.nanoTime()).as("cluster state ok on %d", node.port).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (connection != null) {
      connection.close();
    }
    for (RedisServerProcess node : nodes) {
      node.close();
    }
    // the Jedis variant starts a cluster of its own in the same JVM
    nodes.clear();
    connection = null;
    RedisServerProcess.deleteTree(root);
  }

  @Test
  void theSessionsOfTheTestsSpreadOverSeveralNodes_soRoutingIsReallyExercised() throws Exception {
    // given keys of many sessions
    int nodesWithKeys = 0;
    RedisMessageQueue queue = TestRedis.queue(connection, TestRedis.prefix());
    for (int i = 0; i < 30; i++) {
      queue.enqueue(aQueuedMessage().inSession("spread-" + i).build(), T0);
    }

    // when
    for (RedisServerProcess node : nodes) {
      if (!node.command("DBSIZE").startsWith(":0")) {
        nodesWithKeys++;
      }
    }

    // then
    assertThat(nodesWithKeys).isEqualTo(3);
  }

  /** Loading them once (at open) reaches every primary, not only the node the client asked. */
  @Test
  void everyPrimary_hasEveryScript_afterOpen() throws Exception {
    // given the connection opened above

    // when each node is asked for the digests
    List<String> replies = new ArrayList<>();
    for (RedisServerProcess node : nodes) {
      List<String> words = new ArrayList<>(List.of("SCRIPT", "EXISTS"));
      for (Script script : Script.values()) {
        words.add(script.sha());
      }
      replies.add(node.command(words.toArray(String[]::new)));
    }

    // then every node knows every script
    assertThat(replies)
        .hasSize(3)
        .allSatisfy(
            reply ->
                assertThat(reply)
                    .startsWith("*" + Script.values().length + "\r\n")
                    .doesNotContain(":0"));
  }

  /** CONFIG GET and PING as a Cluster answers them (on Jedis, broadcast to every node). */
  @Test
  void persistenceAndReachability_areRead() {
    assertThat(connection.isReachable()).isTrue();
    assertThat(connection.persistence().appendOnly()).contains("no");
  }

  private static final Instant T0 = Instant.parse("2026-11-10T05:00:00Z");

  @Nested
  class Queue extends MessageQueueContract {
    @Override
    protected QueueUnderTest newQueue(Duration visibilityTimeout, Duration dedupeRetention) {
      return QueueUnderTest.of(
          TestRedis.queue(connection, TestRedis.prefix(), visibilityTimeout, dedupeRetention));
    }
  }

  @Nested
  class Ledger extends RateLimitLedgerContract {
    @Override
    protected RateLimitLedger newLedger() {
      return connection.rateLimitLedger();
    }
  }

  @Nested
  class Claims extends OccurrenceClaimsContract {
    @Override
    protected OccurrenceClaims newClaims() {
      return connection.occurrenceClaims();
    }
  }

  @Nested
  class Leases extends SessionLeasesContract {
    @Override
    protected SessionLeases newLeases() {
      return connection.sessionLeases();
    }
  }

  @Nested
  class Gate extends AlertGateContract {
    @Override
    protected AlertGate newGate() {
      return connection.alertGate();
    }
  }
}
