package io.vspheretemporal.worker.config;

/**
 * How a vCenter's certificate is checked: by default against the JDK trust store with host name
 * verification; or against {@code truststore}; or by a pinned {@code thumbprint}; {@code insecure}
 * turns checking off (logged as a warning).
 */
public record VCenterTls(String thumbprint, String truststore, SecretSource truststorePassword, Boolean insecure) {}
