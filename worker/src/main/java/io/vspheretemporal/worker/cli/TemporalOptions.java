package io.vspheretemporal.worker.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.vspheretemporal.worker.codec.DataConverters;
import io.vspheretemporal.worker.config.ConfigLoader;
import io.vspheretemporal.worker.config.ResolvedConfig;
import io.vspheretemporal.worker.runtime.TemporalConnection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the Temporal server is and how to read its payloads, for commands that start, follow or
 * cancel runs. {@code --config} takes the worker's configuration file and reads only its temporal
 * section (target, namespace, task queue, TLS, API key, encryption keys), with the same
 * environment overrides as the worker; the flags below win over it.
 */
public final class TemporalOptions {
  static final String CONFIG_ENV = "VSPHERE_TEMPORAL_CONFIG";

  @Option(names = "--config", paramLabel = "FILE",
      description = {"the worker's configuration; only its temporal section is read: address, namespace, task queue,",
          "TLS, API key and the encryption keys that make encrypted runs readable (env " + CONFIG_ENV + ")"})
  Path config;

  @Option(names = "--address",
      description = "Temporal frontend host:port (default: temporal.target of --config, env VSPHERE_TEMPORAL_TARGET, localhost:7233)")
  String address;

  @Option(names = "--namespace",
      description = "Temporal namespace (default: temporal.namespace of --config, env VSPHERE_TEMPORAL_NAMESPACE, default)")
  String namespace;

  @Option(names = "--task-queue",
      description = "task queue the workers serve (default: the first of temporal.taskQueues, env VSPHERE_TEMPORAL_TASK_QUEUE, vsphere)")
  String taskQueue;

  private ResolvedConfig settings;

  /** The temporal section, read once; throws ConfigException naming what is wrong. */
  ResolvedConfig settings() {
    if (settings == null) {
      settings = ConfigLoader.loadTemporalSection(configFile(config), System.getenv());
    }
    return settings;
  }

  /** The configuration file a command was given: {@code --config}, else {@value #CONFIG_ENV}, else none. */
  static Path configFile(Path option) {
    if (option != null) {
      return option;
    }
    String fromEnv = System.getenv(CONFIG_ENV);
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  String namespace() {
    return namespace != null ? namespace : settings().namespace();
  }

  String taskQueue() {
    return taskQueue != null ? taskQueue : settings().taskQueues().get(0);
  }

  /** Connects, or throws ConfigException saying what is wrong with the configuration or that Temporal cannot be reached. */
  WorkflowClient client() {
    ResolvedConfig c = settings();
    String target = address != null ? address : c.target();
    WorkflowServiceStubs service = TemporalConnection.open(target, namespace(), c.temporalTls(), c.apiKey(), null);
    return WorkflowClient.newInstance(service, DataConverters.clientOptions(namespace(), c.encryption()));
  }
}
