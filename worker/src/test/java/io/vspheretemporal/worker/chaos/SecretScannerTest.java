package io.vspheretemporal.worker.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
  private static final String SECRET = "Pa$$w0rd/\"quoted\"-ü";

  private final SecretScanner scanner = new SecretScanner(Map.of("vCenter password", SECRET));

  @Test
  void findsTheSecretInTheFormsItTakesOnTheWay() {
    byte[] utf8 = SECRET.getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.scan("plain", "login with " + SECRET + " now")).extracting(SecretScanner.Finding::form)
        .containsExactly("plain");
    assertThat(scanner.scan("json", "{\"p\":\"Pa$$w0rd\\/\\\"quoted\\\"-\\u00fc\"}")).isNotEmpty();
    String jackson = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("p", SECRET)).toString();
    assertThat(scanner.scan("jackson", jackson)).as(jackson).isNotEmpty();
    assertThat(scanner.scan("url", "p=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8))).isNotEmpty();
    assertThat(scanner.scan("hex", HexFormat.of().formatHex(utf8))).isNotEmpty();
    // Base64 of a longer value, with the secret at each of the three byte alignments
    for (String prefix : new String[] {"", "a", "ab"}) {
      byte[] value = (prefix + "{\"password\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
      assertThat(scanner.scan("base64", Base64.getEncoder().encodeToString(value))).as(prefix).isNotEmpty();
      assertThat(scanner.scan("base64url", Base64.getUrlEncoder().encodeToString(value))).as(prefix).isNotEmpty();
    }
  }

  @Test
  void findingsNameTheSecretByItsLabelNeverItsValue() {
    scanner.scan("a log line", "x" + SECRET);
    assertThat(scanner.findings()).singleElement().satisfies(f -> {
      assertThat(f.secret()).isEqualTo("vCenter password");
      assertThat(f.source()).isEqualTo("a log line");
      assertThat(f.toString()).doesNotContain(SECRET);
    });
  }

  @Test
  void findsNothingWhereTheSecretIsNot() {
    assertThat(scanner.scan("other", "Pa$$w0rd/\"quoted\"-u and *** and " + Base64.getEncoder().encodeToString(
        "something else entirely".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    assertThat(scanner.findings()).isEmpty();
    assertThat(scanner.scannedBytes()).isPositive();
  }

  @Test
  void refusesSecretsTooShortToBeFoundReliably() {
    assertThatThrownBy(() -> new SecretScanner(Map.of("pin", "1234")))
        .hasMessageContaining("'pin'").hasMessageContaining("at least 6 characters");
  }
}
