package io.vspheretemporal.worker.codec;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Random AES-256 keys for tests, as {@code openssl rand -base64 32} would make them. */
final class TestKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static String base64() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  static SecretKey key(String base64) {
    return new SecretKeySpec(Base64.getDecoder().decode(base64), "AES");
  }

  /** current first, then the others: id, base64, id, base64, ... */
  static EncryptionKeys keys(String current, String... idsAndValues) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2) {
      keys.put(idsAndValues[i], key(idsAndValues[i + 1]));
    }
    return new EncryptionKeys(current, keys);
  }
}
