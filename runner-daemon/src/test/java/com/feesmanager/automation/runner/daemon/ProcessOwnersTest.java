package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Lease owners read against the real {@code /proc}, with real processes killed with SIGKILL. */
@EnabledOnOs(OS.LINUX)
class ProcessOwnersTest {

  private final ProcessOwners owners = ProcessOwners.local();

  private static Process sleeper() throws Exception {
    return new ProcessBuilder("sleep", "60").start();
  }

  @Test
  void a_live_process_has_not_ended_and_after_kill_9_it_has() throws Exception {
    // given a daemon-like process holding a lease
    Process holder = sleeper();
    String owner = owners.owner("1@host-abcd1234", holder.pid());
    boolean whileAlive = owners.ended(owner);

    // when
    holder.destroyForcibly();
    holder.waitFor(10, TimeUnit.SECONDS);

    // then
    assertThat(owner).startsWith("1@host-abcd1234 (process ").endsWith(")");
    assertThat(whileAlive).isFalse();
    assertThat(owners.ended(owner)).isTrue();
  }

  @Test
  void this_process_and_a_second_live_daemon_on_the_same_host_have_not_ended() throws Exception {
    Process other = sleeper();
    try {
      assertThat(owners.ended(owners.owner("me"))).isFalse();
      assertThat(owners.ended(owners.owner("other", other.pid()))).isFalse();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void a_pid_now_used_by_a_process_started_at_another_tick_has_ended() {
    // given this process's pid, but with a start time it does not have: the holder's pid reused
    String owner = owners.owner("me");
    long start = Long.parseLong(owner.replaceFirst("^.*/(\\d+)\\)$", "$1"));
    String reused = owner.replaceFirst("/\\d+\\)$", "/" + (start - 1) + ")");

    // then
    assertThat(reused).isNotEqualTo(owner);
    assertThat(owners.ended(owner)).isFalse();
    assertThat(owners.ended(reused)).isTrue();
  }

  @Test
  void a_holder_of_another_boot_or_pid_namespace_is_presumed_alive_even_if_its_pid_is_free()
      throws Exception {
    // given a pid that no longer exists here
    Process gone = sleeper();
    String owner = owners.owner("x", gone.pid());
    gone.destroyForcibly();
    gone.waitFor(10, TimeUnit.SECONDS);
    String otherNamespace = owner.replaceFirst("/pidns-[0-9a-f]+/", "/pidns-1/");
    String otherBoot = owner.replaceFirst("\\(process [^/]+/", "(process 00000000-0000/");

    // then another host or container sharing this host's name is never judged from here
    assertThat(otherNamespace).isNotEqualTo(owner);
    assertThat(otherBoot).isNotEqualTo(owner);
    assertThat(owners.ended(otherNamespace)).isFalse();
    assertThat(owners.ended(otherBoot)).isFalse();
  }

  @Test
  void owners_that_do_not_say_their_process_are_presumed_alive() {
    assertThat(owners.ended("tick-4242-abcd1234")).isFalse();
    assertThat(owners.ended("4242@host-abcd1234")).isFalse();
    assertThat(owners.ended("")).isFalse();
  }

  @Test
  void without_a_readable_proc_owners_stay_plain_and_nobody_has_ended(@TempDir Path empty)
      throws Exception {
    // given a system without /proc (another OS, a sandbox)
    ProcessOwners blind = new ProcessOwners(empty);
    Process gone = sleeper();
    String owner = owners.owner("x", gone.pid());
    gone.destroyForcibly();
    gone.waitFor(10, TimeUnit.SECONDS);

    // then
    assertThat(Files.list(empty)).isEmpty();
    assertThat(blind.owner("me")).isEqualTo("me");
    assertThat(blind.ended(owner)).isFalse();
  }
}
