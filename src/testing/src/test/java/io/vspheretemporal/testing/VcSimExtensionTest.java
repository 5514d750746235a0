package io.vspheretemporal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vspheretemporal.testing.control.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each test starts with its class's timing, whatever an earlier test of the class changed. */
@VcSim(taskMillis = 700)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VcSimExtensionTest {
  @Test
  @Order(1)
  void aTestChangesTheTiming(Simulator sim) {
    sim.control().taskDuration(Duration.ofSeconds(3));
    sim.control().taskDuration("CloneVM_Task", Duration.ofSeconds(9));

    assertThat(sim.control().config().taskDurations()).containsEntry("CloneVM_Task", "9s");
  }

  @Test
  @Order(2)
  void theNextTestStartsWithTheClassTimingForEveryMethod(Simulator sim) {
    SimulatorConfig config = sim.control().config();

    assertThat(config.taskDuration()).isEqualTo("700ms");
    assertThat(config.taskDurations()).containsKey("CloneVM_Task")
        .allSatisfy((method, d) -> assertThat(d).as(method).isEqualTo("700ms"));
  }
}
