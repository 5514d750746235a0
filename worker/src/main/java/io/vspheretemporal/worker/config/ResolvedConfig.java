package io.vspheretemporal.worker.config;

import io.vspheretemporal.activities.session.Secret;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.worker.codec.EncryptionKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked configuration with its defaults applied and its secrets read. One read for a command
 * ({@link ConfigLoader#loadTemporalSection}) has only the temporal part: no vCenters, no secrets.
 *
 * @param encryption payload encryption keys; {@link EncryptionKeys#none()} when not configured
 */
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
    String logFormat,
    EncryptionKeys encryption) {

  /** Without payload encryption. */
  public ResolvedConfig(String target, String namespace, List<String> taskQueues, TemporalTls temporalTls, Secret apiKey,
      List<VCenterConfig> vcenters, Map<String, Secret> secrets, Duration heartbeatInterval, Duration shutdownGrace,
      int maxConcurrentActivities, boolean stickyWorkflows, int metricsPort, String logFormat) {
    this(target, namespace, taskQueues, temporalTls, apiKey, vcenters, secrets, heartbeatInterval, shutdownGrace,
        maxConcurrentActivities, stickyWorkflows, metricsPort, logFormat, EncryptionKeys.none());
  }

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
        + ", vcenters=" + vcenters.stream().map(VCenterConfig::name).toList() + ", secrets=" + secrets.keySet() + ", encryption=" + encryption + "]";
  }
}
