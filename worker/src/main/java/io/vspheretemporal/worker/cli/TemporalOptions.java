package io.vspheretemporal.worker.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.vspheretemporal.worker.runtime.TemporalConnection;
import picocli.CommandLine.Option;

/** Where the Temporal server is, for commands that start, follow or cancel runs. */
public final class TemporalOptions {
  @Option(names = "--address", defaultValue = "${env:VSPHERE_TEMPORAL_TARGET:-localhost:7233}",
      description = "Temporal frontend host:port (default: ${DEFAULT-VALUE}; env VSPHERE_TEMPORAL_TARGET)")
  String address;

  @Option(names = "--namespace", defaultValue = "${env:VSPHERE_TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (default: ${DEFAULT-VALUE})")
  String namespace;

  @Option(names = "--task-queue", defaultValue = "${env:VSPHERE_TEMPORAL_TASK_QUEUE:-vsphere}",
      description = "task queue the workers serve (default: ${DEFAULT-VALUE})")
  String taskQueue;

  /** Connects, or throws ConfigException saying Temporal cannot be reached. */
  WorkflowClient client() {
    WorkflowServiceStubs service = TemporalConnection.open(address, namespace, null, null, null);
    return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }
}
