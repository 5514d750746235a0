package io.vspheretemporal.worker.config;

/** mTLS to Temporal: client certificate and key (PEM files), and the CA that signed the server's. */
public record TemporalTls(String clientCert, String clientKey, String serverCa, String serverName) {}
