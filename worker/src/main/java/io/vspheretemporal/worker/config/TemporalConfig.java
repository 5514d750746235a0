package io.vspheretemporal.worker.config;

import java.util.List;

/**
 * @param target host:port of the Temporal frontend
 * @param taskQueues the task queues this worker serves
 * @param apiKey a Temporal Cloud API key
 */
public record TemporalConfig(String target, String namespace, List<String> taskQueues, TemporalTls tls, SecretSource apiKey) {}
