package io.vspheretemporal.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@VcSim
class PropertiesTest {
  static SimWorker worker;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  /**
   * Without a session the simulator answers with every property in missingSet (NotAuthenticated),
   * as vCenter does for properties a user may not read: that is a failure, never an unset value.
   */
  @Test
  void aReadAfterVCenterEndedTheSessionLogsInAgainInsteadOfReportingNothing(Simulator sim) throws Exception {
    var host = Refs.vim(new SimRefs(sim).host("DC0_C0_H0"));
    assertThat(Properties.read(worker.session(), host, "name", "runtime.inMaintenanceMode"))
        .contains(Map.of("name", "DC0_C0_H0", "runtime.inMaintenanceMode", false));

    long logins = sim.control().counters().calls("Login");
    assertThat(sim.control().expireSessions()).isPositive();

    assertThat(Properties.read(worker.session(), host, "name", "runtime.inMaintenanceMode"))
        .contains(Map.of("name", "DC0_C0_H0", "runtime.inMaintenanceMode", false));
    assertThat(sim.control().counters().calls("Login")).isEqualTo(logins + 1);
  }
}
