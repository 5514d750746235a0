package io.vspheretemporal.worker.config;

/** {@code port} serves /metrics (Prometheus) and /health; 0 turns both off. */
public record MetricsConfig(Integer port) {}
