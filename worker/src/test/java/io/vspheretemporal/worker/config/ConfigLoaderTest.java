package io.vspheretemporal.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vspheretemporal.activities.session.TlsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static ResolvedConfig load(String yaml, Map<String, String> env) throws Exception {
    return ConfigLoader.load(YAML.readTree(yaml), env);
  }

  private static final String MINIMAL = """
      vcenters:
        - {name: vc01, url: "https://vc01.example.com/sdk", username: svc, password: {env: VC01_PW}}
      """;

  @Test
  void defaultsFillWhatIsNotGiven() throws Exception {
    ResolvedConfig c = load(MINIMAL, Map.of("VC01_PW", "s3cret"));
    assertThat(c.target()).isEqualTo("localhost:7233");
    assertThat(c.namespace()).isEqualTo("default");
    assertThat(c.taskQueues()).containsExactly("vsphere");
    assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.metricsPort()).isEqualTo(9464);
    assertThat(c.stickyWorkflows()).isTrue();
    assertThat(c.vcenters()).singleElement().satisfies(v -> {
      assertThat(v.name()).isEqualTo("vc01");
      assertThat(v.password().reveal()).isEqualTo("s3cret");
      assertThat(v.tls()).isInstanceOf(TlsPolicy.Verify.class);
    });
  }

  @Test
  void theEnvironmentOverridesTheFileAndAddsSecrets() throws Exception {
    ResolvedConfig c = load(MINIMAL + "temporal: {target: 'a:1', namespace: x}\n", Map.of(
        "VC01_PW", "pw", "VSPHERE_TEMPORAL_TARGET", "temporal.prod:7233", "VSPHERE_TEMPORAL_TASK_QUEUE", "q1, q2",
        "VSPHERE_TEMPORAL_LOG_FORMAT", "json", "VSPHERE_TEMPORAL_SECRET_WIN_ADMIN", "Adm1n!"));
    assertThat(c.target()).isEqualTo("temporal.prod:7233");
    assertThat(c.namespace()).isEqualTo("x");
    assertThat(c.taskQueues()).containsExactly("q1", "q2");
    assertThat(c.logFormat()).isEqualTo("json");
    assertThat(c.secretResolver().resolve("win-admin")).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("Adm1n!"));
  }

  @Test
  void secretsAreReadFromFilesAndNeverPrinted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("esx"), "R00t-pw\n");
    ResolvedConfig c = load(MINIMAL + "secrets: {esx-root: {file: " + file + "}}\n", Map.of("VC01_PW", "pw"));
    assertThat(c.secretResolver().resolve("esx-root")).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("R00t-pw"));
    assertThat(c.toString()).doesNotContain("R00t-pw").doesNotContain("pw,").contains("esx-root");
  }

  @Test
  void aPinnedThumbprintAndInsecureAreUnderstood() throws Exception {
    String yaml = """
        vcenters:
          - {name: a, url: "https://a/sdk", username: u, password: {env: P}, tls: {thumbprint: "%s"}}
          - {name: b, url: "https://b/sdk", username: u, password: {env: P}, tls: {insecure: true}}
        """.formatted("AB:".repeat(31) + "AB");
    ResolvedConfig c = load(yaml, Map.of("P", "x"));
    assertThat(c.vcenters().get(0).tls()).isInstanceOf(TlsPolicy.Pinned.class);
    assertThat(c.vcenters().get(1).tls()).isInstanceOf(TlsPolicy.Insecure.class);
  }

  @Test
  void everyProblemIsReportedWithItsKeyAndNoSecretValue() {
    String yaml = """
        temporal: {target: nowhere, taskQueues: ["", ok]}
        vcenters:
          - {name: "bad name!", url: "https://x/sdk", username: u, password: {env: P, file: /x}}
        metrics: {port: 70000, extra: 1}
        worker: {maxConcurrentActivities: 0, shutdownGrace: 3 weeks}
        """;
    assertThatThrownBy(() -> load(yaml, Map.of("P", "topsecret")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(6))
        .hasMessageContaining("metrics.extra: unknown key")
        .hasMessageContaining("temporal.target: 'nowhere' is not host:port")
        .hasMessageContaining("temporal.taskQueues[0]: must not be empty")
        .hasMessageContaining("vcenters[0].name: required")
        .hasMessageContaining("give exactly one of env (a variable name) or file (a path)")
        .hasMessageContaining("metrics.port: 70000 is not a port")
        .hasMessageContaining("worker.maxConcurrentActivities: must be at least 1")
        .hasMessageContaining("worker.shutdownGrace: '3 weeks' is not a duration")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
  }

  @Test
  void aMissingFileOrBrokenYamlIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of()))
        .hasMessageContaining("none.yaml does not exist");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "vcenters: [\n");
    assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of())).hasMessageContaining("is not valid YAML");
  }
}
