package io.vspheretemporal.worker.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The AES-256 keys payloads are encrypted with, by id: new payloads use {@code currentId}; a
 * payload names the key it was written with, so older keys stay here until no history needs them.
 * {@link #none()} means encryption is off.
 *
 * @param currentId the key new payloads are encrypted with; null when encryption is off
 */
public record EncryptionKeys(String currentId, Map<String, SecretKey> keys) {
  public EncryptionKeys {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    if (currentId != null && !keys.containsKey(currentId)) {
      throw new IllegalArgumentException("current key '" + currentId + "' is not one of the keys " + keys.keySet());
    }
    if (currentId == null && !keys.isEmpty()) {
      throw new IllegalArgumentException("keys " + keys.keySet() + " without a current key");
    }
  }

  public static EncryptionKeys none() {
    return new EncryptionKeys(null, Map.of());
  }

  public boolean enabled() {
    return currentId != null;
  }

  public SecretKey current() {
    return keys.get(currentId);
  }

  public Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  public Set<String> ids() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    // Ids only: the record's own toString would be safe too (SecretKeySpec does not print its bytes), but say so here.
    return enabled() ? "EncryptionKeys[current=" + currentId + ", keys=" + keys.keySet() + "]" : "EncryptionKeys[off]";
  }
}
