package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault suite of issue 7 at CI size, through the packaged command: worker SIGKILLs, a vCenter
 * outage, sessions expiring, a vCenter restart that forgets its tasks and a Temporal outage, each
 * during a fleet run, then the secrets scan. Nothing may be lost, run twice, left behind or leaked.
 */
class ChaosIT {
  @Test
  void nothingIsLostOrRunTwiceAndNoSecretLeaks() throws Exception {
    Path dir = Files.createTempDirectory("chaos-it");
    Path json = dir.resolve("chaos.json");
    Cli.Result r = Cli.run(Duration.ofMinutes(6), Map.of(), "chaos", "--kills", "2", "--fleet", "5",
        "--vcenter-outage", "10s", "--temporal-outage", "10s", "--session-expiry-every", "3s",
        "--fleet-timeout", "3m", "--work-dir", dir.resolve("work").toString(), "--json", json.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("nothing lost, nothing ran twice");

    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.path("kills").asInt()).isEqualTo(2);
    assertThat(doc.path("workflows").asInt()).isEqualTo(5 * 6); // five fleets of five VMs and the fleet itself
    assertThat(doc.path("completed").asInt()).isEqualTo(doc.path("workflows").asInt());
    assertThat(doc.path("failed").asInt()).isZero();
    assertThat(doc.path("duplicateOperations").asInt()).isZero();
    assertThat(doc.path("orphanVms").asInt()).isZero();
    assertThat(doc.path("secretsFound").asInt()).isZero();

    List<String> names = new ArrayList<>();
    for (JsonNode s : doc.path("scenarios")) {
      names.add(s.path("name").asText());
      assertThat(s.path("passed").asBoolean()).as(s.toString()).isTrue();
      // One clone per VM, except clones whose work the vCenter restart lost (allowed and counted).
      assertThat(s.path("taskCalls").path("CloneVM_Task").asInt())
          .as(s.toString()).isEqualTo(5 + s.path("allowance").path("CloneVM_Task").asInt(0));
    }
    assertThat(names).containsExactly("kills", "vc-outage", "sessions", "restart", "tp-outage");
    JsonNode byName = doc.path("scenarios");
    assertThat(byName.get(0).path("details").path("killsWithTasksInFlight").asInt()).isPositive();
    assertThat(byName.get(1).path("details").path("outageSeconds").asDouble()).isGreaterThanOrEqualTo(10.0);
    assertThat(byName.get(2).path("details").path("expiries").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(byName.get(4).path("details").path("outageSeconds").asDouble()).isGreaterThanOrEqualTo(10.0);

    // The scan really looked: histories, heartbeats, metrics and the worker's logs.
    JsonNode scan = doc.path("secrets");
    assertThat(scan.path("historyEvents").asLong()).isPositive();
    assertThat(scan.path("payloads").asLong()).isPositive();
    assertThat(scan.path("heartbeatDetails").asLong()).isPositive();
    assertThat(scan.path("metricsScrapes").asLong()).isPositive();
    assertThat(scan.path("workerLogs").asInt()).isEqualTo(3); // the first worker and one per kill
    assertThat(scan.path("findings")).isEmpty();
  }
}
