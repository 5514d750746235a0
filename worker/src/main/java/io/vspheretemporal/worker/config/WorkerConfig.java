package io.vspheretemporal.worker.config;

import java.util.List;
import java.util.Map;

/** The worker's configuration file (YAML), as documented in README's Configuration section. */
public record WorkerConfig(
    TemporalConfig temporal,
    List<VCenterEntry> vcenters,
    Map<String, SecretSource> secrets,
    WorkerSettings worker,
    MetricsConfig metrics,
    LoggingConfig logging) {}
