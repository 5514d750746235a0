package io.vspheretemporal.worker.config;

/**
 * @param name how workflow requests address this vCenter
 * @param url the SDK endpoint, e.g. {@code https://vc01.example.com/sdk}
 */
public record VCenterEntry(String name, String url, String username, SecretSource password, VCenterTls tls,
    Integer maxConcurrentCalls) {}
