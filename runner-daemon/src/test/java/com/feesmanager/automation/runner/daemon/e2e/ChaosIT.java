package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite (issue 13): kills, restarts and outages during delivery, counting what was lost
 * or sent twice. In the build it runs short (3 kills, one Redis restart, one gateway fault, 100
 * recipients); {@code scripts/chaos.sh} runs it in full through the {@code chaos} profile, whose
 * {@code chaos.*} system properties are read by {@link ChaosPlan}. Prints one line per scenario and
 * {@code N passed, M failed}, also to {@code target/chaos-report.txt}.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class ChaosIT {

  @TempDir Path workDir;

  @Test
  void no_message_is_lost_or_sent_twice_across_the_faults() throws Exception {
    ChaosPlan plan = ChaosPlan.fromSystemProperties();
    ChaosScenarios scenarios = new ChaosScenarios(plan, workDir);
    List<ChaosTally> tallies = new ArrayList<>();
    List<String> report = new ArrayList<>();
    report.add("chaos plan: " + plan);
    for (int scenario : plan.scenarios()) {
      ChaosTally tally = scenarios.run(scenario);
      tallies.add(tally);
      report.add(tally.line());
      System.out.println("CHAOS " + tally.line());
    }
    long passed = tallies.stream().filter(ChaosTally::passed).count();
    report.add(passed + " passed, " + (tallies.size() - passed) + " failed");
    String text = String.join("\n", report) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("target", "chaos-report.txt"), text, StandardCharsets.UTF_8);
    assertThat(tallies).as(text).allMatch(ChaosTally::passed);
  }
}
