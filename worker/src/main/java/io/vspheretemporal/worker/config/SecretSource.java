package io.vspheretemporal.worker.config;

/**
 * Where a secret comes from: an environment variable or a file (e.g. a mounted Kubernetes or
 * Docker secret). Secrets are never written in the configuration file itself.
 */
public record SecretSource(String env, String file) {}
