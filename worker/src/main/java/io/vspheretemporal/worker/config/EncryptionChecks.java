package io.vspheretemporal.worker.config;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Checks {@code temporal.encryption} and reads its keys; problems name the key id, never a key's value. */
final class EncryptionChecks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final String GENERATE = "generate one with `openssl rand -base64 32`";

  private final List<String> problems;
  private final BiFunction<String, SecretSource, Secret> secrets;

  /** @param secrets reads a secret the way every other secret is read, adding a problem when it cannot */
  EncryptionChecks(List<String> problems, BiFunction<String, SecretSource, Secret> secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  EncryptionKeys resolve(EncryptionConfig e) {
    if (e == null) {
      return EncryptionKeys.none();
    }
    int before = problems.size();
    Map<String, SecretSource> sources = e.keys() == null ? Map.of() : e.keys();
    if (sources.isEmpty()) {
      problems.add("temporal.encryption.keys: give at least one key and name it in currentKey, e.g."
          + " {currentKey: k1, keys: {k1: {env: ENCRYPTION_KEY_K1}}}; " + GENERATE);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    sources.forEach((id, source) -> {
      String at = "temporal.encryption.keys." + id;
      if (!ID.matcher(id).matches()) {
        problems.add(at + ": a key id is 1 to 64 letters, digits, '.', '_' or '-' (it is stored in every payload)");
        return;
      }
      Secret secret = secrets.apply(at, source);
      if (secret != null) {
        SecretKey key = key(at, secret);
        if (key != null) {
          keys.put(id, key);
        }
      }
    });
    String current = e.currentKey();
    if (sources.isEmpty()) {
      // the keys problem above covers it
    } else if (current == null || current.isBlank()) {
      problems.add("temporal.encryption.currentKey: required; name the key new payloads are encrypted with (one of "
          + String.join(", ", sources.keySet()) + ")");
    } else if (!sources.containsKey(current)) {
      problems.add("temporal.encryption.currentKey: '" + current + "' is not one of temporal.encryption.keys ("
          + String.join(", ", sources.keySet()) + "); add it there or name one of those");
    }
    return problems.size() > before ? EncryptionKeys.none() : new EncryptionKeys(current, keys);
  }

  private SecretKey key(String at, Secret secret) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(secret.reveal().strip());
    } catch (IllegalArgumentException notBase64) {
      problems.add(at + ": is not base64; a key is 32 random bytes in base64, " + GENERATE);
      return null;
    }
    if (bytes.length != 32) {
      problems.add(at + ": is " + bytes.length + " bytes once decoded; AES-256 needs exactly 32, " + GENERATE);
      return null;
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
