package io.vspheretemporal.worker.config;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.VCenterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A checked configuration with its defaults applied and its secrets read. */
public record ResolvedConfig(
    String target,
    String namespace,
    List<String> taskQueues,
    TemporalTls temporalTls,
    Secret apiKey,
    List<VCenterConfig> vcenters,
    Map<String, Secret> secrets,
    Duration heartbeatInterval,
    Duration shutdownGrace,
    int maxConcurrentActivities,
    boolean stickyWorkflows,
    int metricsPort,
    String logFormat) {

  public SecretResolver secretResolver() {
    return name -> Optional.ofNullable(secrets.get(name));
  }

  public Set<String> secretNames() {
    return secrets.keySet();
  }

  @Override
  public String toString() {
    // The record's own toString would be fine (Secret hides itself); this one is shorter.
    return "ResolvedConfig[target=" + target + ", namespace=" + namespace + ", taskQueues=" + taskQueues
        + ", vcenters=" + vcenters.stream().map(VCenterConfig::name).toList() + ", secrets=" + secrets.keySet() + "]";
  }
}
