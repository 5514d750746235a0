package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorBuildTest {

  @Test
  void aMissingGoToolchainIsReportedWithTheInstallCommand() {
    String why = SimulatorBuild.missingPrerequisite(Map.of("PATH", "/nonexistent"));
    assertThat(why).contains("Go is not installed").contains(SimulatorBuild.INSTALL_COMMAND);
  }

  @Test
  void theScriptIsFoundFromAModuleDirectory() {
    assertThat(SimulatorBuild.script()).endsWith(java.nio.file.Path.of("src/testing/bin/vcsim"));
  }

  @Test
  void optionsBecomeSimulatorFlags() {
    SimulatorOptions options = SimulatorOptions.defaults()
        .withTls(true).withTaskDuration("CloneVM_Task", java.time.Duration.ofSeconds(3));
    assertThat(options.arguments()).containsSubsequence("--port", "0")
        .contains("--tls", "--task-duration-for", "CloneVM_Task=3000ms");
  }
}
