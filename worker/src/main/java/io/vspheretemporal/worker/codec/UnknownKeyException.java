package io.vspheretemporal.worker.codec;

import io.temporal.payload.codec.PayloadCodecException;
import java.util.Set;

/**
 * A payload was encrypted with a key this process does not have. Nothing can read it until the key
 * is configured again, so commands report it instead of showing an empty status.
 */
public final class UnknownKeyException extends PayloadCodecException {
  private final String keyId;

  UnknownKeyException(String keyId, Set<String> configured) {
    super(message(keyId, configured));
    this.keyId = keyId;
  }

  public String keyId() {
    return keyId;
  }

  private static String message(String keyId, Set<String> configured) {
    if (configured.isEmpty()) {
      return "payload is encrypted with key '" + keyId + "', but no encryption keys are configured here: give this"
          + " command the worker's temporal.encryption section (--config FILE) with key " + keyId
          + " (see docs/encryption.md)";
    }
    return "payload is encrypted with key '" + keyId + "', which is not configured (configured: "
        + String.join(", ", configured) + "): add key " + keyId + " back to temporal.encryption.keys"
        + " (see docs/encryption.md, key rotation)";
  }
}
