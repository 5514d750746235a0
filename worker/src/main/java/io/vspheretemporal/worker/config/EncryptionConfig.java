package io.vspheretemporal.worker.config;

import java.util.Map;

/**
 * {@code temporal.encryption}: payloads are encrypted with {@code currentKey}; every key a stored
 * history may still name stays in {@code keys} (rotation: docs/encryption.md).
 *
 * @param currentKey the id of the key new payloads are encrypted with
 * @param keys AES-256 keys by id, each 32 random bytes in base64 ({@code openssl rand -base64 32}),
 *     read from an environment variable or a file like every secret
 */
public record EncryptionConfig(String currentKey, Map<String, SecretSource> keys) {}
