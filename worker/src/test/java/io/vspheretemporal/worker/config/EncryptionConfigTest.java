package io.vspheretemporal.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String VCENTER = """
      vcenters:
        - {name: vc01, url: "https://vc01.example.com/sdk", username: svc, password: {env: VC01_PW}}
      """;
  private static final String K1 = key(32);
  private static final String K2 = key(32);

  private static String key(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static ResolvedConfig load(String temporal, Map<String, String> env) throws Exception {
    return ConfigLoader.load(YAML.readTree(VCENTER + "temporal:\n" + temporal.indent(2)), env);
  }

  @Test
  void keysComeFromEnvironmentAndFilesAndTheCurrentOneIsNamed(@TempDir Path dir) throws Exception {
    Path k1 = Files.writeString(dir.resolve("k1"), K1 + "\n");
    ResolvedConfig c = load("""
        encryption:
          currentKey: k2
          keys:
            k2: {env: KEY_K2}
            k1: {file: %s}
        """.formatted(k1), Map.of("VC01_PW", "pw", "KEY_K2", K2));

    assertThat(c.encryption().enabled()).isTrue();
    assertThat(c.encryption().currentId()).isEqualTo("k2");
    assertThat(c.encryption().ids()).containsExactly("k2", "k1");
    assertThat(c.encryption().current().getEncoded()).isEqualTo(Base64.getDecoder().decode(K2));
    assertThat(c.encryption().key("k1").orElseThrow().getEncoded()).isEqualTo(Base64.getDecoder().decode(K1));
    assertThat(c.toString()).contains("k2").doesNotContain(K1).doesNotContain(K2);
  }

  @Test
  void withoutTheSectionEncryptionIsOff() throws Exception {
    assertThat(load("target: localhost:7233\n", Map.of("VC01_PW", "pw")).encryption().enabled()).isFalse();
  }

  @Test
  void theEnvironmentAddsKeysAndChoosesTheCurrentOne() throws Exception {
    ResolvedConfig c = load("encryption: {currentKey: k1, keys: {k1: {env: KEY_K1}}}\n", Map.of("VC01_PW", "pw",
        "KEY_K1", K1, "VSPHERE_TEMPORAL_ENCRYPTION_KEY_PROD_2", K2, "VSPHERE_TEMPORAL_ENCRYPTION_CURRENT_KEY", "prod-2"));
    assertThat(c.encryption().currentId()).isEqualTo("prod-2");
    assertThat(c.encryption().ids()).containsExactlyInAnyOrder("k1", "prod-2");
  }

  @Test
  void aCurrentKeyThatIsNotAmongTheKeysIsNamed() {
    assertThatThrownBy(() -> load("encryption: {currentKey: k3, keys: {k1: {env: KEY_K1}, k2: {env: KEY_K2}}}\n",
        Map.of("VC01_PW", "pw", "KEY_K1", K1, "KEY_K2", K2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("temporal.encryption.currentKey: 'k3' is not one of temporal.encryption.keys (k1, k2)");
  }

  @Test
  void keysWithoutACurrentKeyAndACurrentKeyWithoutKeysAreRefused() {
    assertThatThrownBy(() -> load("encryption: {keys: {k1: {env: KEY_K1}}}\n", Map.of("VC01_PW", "pw", "KEY_K1", K1)))
        .hasMessageContaining("temporal.encryption.currentKey: required; name the key new payloads are encrypted with (one of k1)");
    assertThatThrownBy(() -> load("encryption: {currentKey: k1}\n", Map.of("VC01_PW", "pw")))
        .hasMessageContaining("temporal.encryption.keys: give at least one key")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void aKeyThatIsNotBase64OrNot32BytesIsNamedWithoutItsValue() {
    String notBase64 = "this is not base64!";
    String short16 = key(16);
    assertThatThrownBy(() -> load("encryption: {currentKey: a, keys: {a: {env: KA}, b: {env: KB}, c: {env: KC}}}\n",
        Map.of("VC01_PW", "pw", "KA", notBase64, "KB", short16)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("temporal.encryption.keys.a: is not base64")
        .hasMessageContaining("temporal.encryption.keys.b: is 16 bytes once decoded; AES-256 needs exactly 32")
        .hasMessageContaining("temporal.encryption.keys.c: environment variable KC is not set")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(notBase64).doesNotContain(short16));
  }

  @Test
  void aMisspeltKeyInTheSectionIsReported() {
    assertThatThrownBy(() -> load("encryption: {current: k1, keys: {k1: {env: KEY_K1}}}\n", Map.of("VC01_PW", "pw", "KEY_K1", K1)))
        .hasMessageContaining("temporal.encryption.current: unknown key; keys under temporal.encryption are currentKey, keys");
  }

  @Test
  void aCommandReadsOnlyTheTemporalSection(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("worker.yaml"), VCENTER + """
        temporal:
          target: temporal.example.com:7233
          namespace: prod
          taskQueues: [vsphere-a, vsphere-b]
          encryption: {currentKey: k1, keys: {k1: {env: KEY_K1}}}
        secrets:
          win-admin: {env: NOT_SET_FOR_THE_CLI}
        """);
    // No VC01_PW and no NOT_SET_FOR_THE_CLI: the vCenter and secrets sections are the worker's business.
    ResolvedConfig c = ConfigLoader.loadTemporalSection(file, Map.of("KEY_K1", K1));
    assertThat(c.target()).isEqualTo("temporal.example.com:7233");
    assertThat(c.namespace()).isEqualTo("prod");
    assertThat(c.taskQueues()).containsExactly("vsphere-a", "vsphere-b");
    assertThat(c.encryption().currentId()).isEqualTo("k1");
    assertThat(c.vcenters()).isEmpty();

    assertThatThrownBy(() -> ConfigLoader.loadTemporalSection(file, Map.of()))
        .hasMessageContaining("temporal.encryption.keys.k1: environment variable KEY_K1 is not set");
  }

  @Test
  void withoutAFileACommandTakesTheEnvironmentAlone() {
    ResolvedConfig c = ConfigLoader.loadTemporalSection(null, Map.of("VSPHERE_TEMPORAL_TARGET", "t:7233",
        "VSPHERE_TEMPORAL_ENCRYPTION_KEY_K1", K1, "VSPHERE_TEMPORAL_ENCRYPTION_CURRENT_KEY", "k1"));
    assertThat(c.target()).isEqualTo("t:7233");
    assertThat(c.encryption().currentId()).isEqualTo("k1");
    assertThat(ConfigLoader.loadTemporalSection(null, Map.of()).encryption().enabled()).isFalse();
  }
}
