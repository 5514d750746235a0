package io.vspheretemporal.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker with bad configuration exits 2, says what is wrong, and starts nothing. */
class BadConfigurationIT {

  private static Cli.Result worker(String yaml, Map<String, String> env) throws Exception {
    Path config = Files.createTempFile("bad", ".yaml");
    Files.writeString(config, yaml);
    return Cli.run(Duration.ofSeconds(60), env, "worker", "--config", config.toString());
  }

  @Test
  void anUnknownKeyIsNamedWithThePlaceItWasFound() throws Exception {
    String yaml = Stack.config(7233, URI.create("http://127.0.0.1:1/sdk"), 0, "text", "")
        .replace("    username:", "    usrname:");
    Cli.Result r = worker(yaml, Map.of("VCSIM_PASSWORD", "x"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("vcenters[0].usrname: unknown key").contains("vcenters[0] (sim).username: required");
  }

  @Test
  void aMissingPasswordNamesTheVariable() throws Exception {
    Cli.Result r = worker(Stack.config(7233, URI.create("http://127.0.0.1:1/sdk"), 0, "text", ""), Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("vcenters[0] (sim).password: environment variable VCSIM_PASSWORD is not set");
  }

  @Test
  void anUnreachableTemporalStopsTheWorkerBeforeItTouchesVSphere() throws Exception {
    int closed = Cli.freePort();
    Cli.Result r = worker(Stack.config(closed, URI.create("http://127.0.0.1:1/sdk"), 0, "text", ""),
        Map.of("VCSIM_PASSWORD", "x"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("temporal.target: cannot reach Temporal at localhost:" + closed);
    assertThat(r.err()).doesNotContain("connected to vCenter");
  }

  @Test
  void severalProblemsAreReportedTogether() throws Exception {
    String yaml = """
        temporal: {target: "no port", namespace: default}
        vcenters:
          - {name: a, url: "ftp://x/sdk", username: u, password: {env: NOPE}}
          - {name: a, url: "https://y/sdk", username: u, password: {file: /nonexistent}, tls: {thumbprint: "AB", insecure: true}}
        worker: {heartbeatInterval: soon}
        loging: {format: json}
        """;
    Cli.Result r = worker(yaml, Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("loging: unknown key")
        .contains("temporal.target: 'no port' is not host:port")
        .contains("is not an http(s) URL")
        .contains("environment variable NOPE is not set")
        .contains("'a' is used by another vCenter")
        .contains("cannot read file /nonexistent")
        .contains("choose one of thumbprint, truststore and insecure")
        .contains("worker.heartbeatInterval: 'soon' is not a duration");
  }
}
