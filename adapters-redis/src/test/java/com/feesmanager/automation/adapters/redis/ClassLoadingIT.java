package com.feesmanager.automation.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.contract.LoadedClasses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A process on Jedis loads no class of Lettuce, Netty or Reactor (they cost a cold start hundreds
 * of milliseconds of CPU): {@link TickCallsMain} runs in a child JVM that lists every class it
 * loads. The same run on Lettuce shows the check sees them when they are there.
 */
class ClassLoadingIT {

  private static final List<String> NETTY_STACK = List.of("io.lettuce.", "io.netty.", "reactor.");

  private static RedisConnection connection;
  private static String prefix;

  @BeforeAll
  static void connect() {
    connection = TestRedis.open(RedisDriver.LETTUCE);
    prefix = connection.settings().keyPrefix();
  }

  @AfterAll
  static void cleanUpAndClose() {
    TestRedis.deleteAll(connection, prefix);
    connection.close();
  }

  @Test
  void aTickOnJedis_loadsNoLettuceNettyOrReactorClass() throws Exception {
    // when
    List<String> loaded = classesLoadedByTheTickCalls(RedisDriver.JEDIS);

    // then
    assertThat(loaded).anyMatch(name -> name.startsWith("redis.clients.jedis."));
    assertThat(loaded).noneMatch(name -> NETTY_STACK.stream().anyMatch(name::startsWith));
    // the pool's JMX registration is off: it would start the platform MBean server
    assertThat(loaded).doesNotContain("java.lang.management.ManagementFactory");
  }

  @Test
  void aTickOnLettuce_loadsThem_soTheCheckAboveCanFail() throws Exception {
    // when
    List<String> loaded = classesLoadedByTheTickCalls(RedisDriver.LETTUCE);

    // then
    assertThat(loaded).anyMatch(name -> name.startsWith("io.lettuce."));
    assertThat(loaded).anyMatch(name -> name.startsWith("io.netty."));
    assertThat(loaded).noneMatch(name -> name.startsWith("redis.clients.jedis."));
  }

  /** The names of the classes the child JVM loaded; fails unless it ran to the end. */
  private static List<String> classesLoadedByTheTickCalls(RedisDriver driver)
      throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-Xlog:class+load=info:stdout:uptime,level,tags",
                "-cp",
                System.getProperty("java.class.path"),
                TickCallsMain.class.getName(),
                TestRedis.url(),
                prefix,
                driver.name())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> classes = new ArrayList<>();
    String last = "";
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Optional<String> loaded = LoadedClasses.of(line);
        if (loaded.isPresent()) {
          classes.add(loaded.get());
        } else if (!line.isBlank()) {
          last = line;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(last).isEqualTo("DONE");
    return classes;
  }
}
