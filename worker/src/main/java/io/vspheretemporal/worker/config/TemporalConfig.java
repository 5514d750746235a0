package io.vspheretemporal.worker.config;

import java.util.List;

/**
 * @param target host:port of the Temporal frontend
 * @param taskQueues the task queues this worker serves
 * @param apiKey a Temporal Cloud API key
 * @param encryption payload encryption keys (optional; docs/encryption.md)
 */
public record TemporalConfig(String target, String namespace, List<String> taskQueues, TemporalTls tls, SecretSource apiKey,
    EncryptionConfig encryption) {

  public TemporalConfig(String target, String namespace, List<String> taskQueues, TemporalTls tls, SecretSource apiKey) {
    this(target, namespace, taskQueues, tls, apiKey, null);
  }
}
