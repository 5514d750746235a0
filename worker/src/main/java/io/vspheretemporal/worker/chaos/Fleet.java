package io.vspheretemporal.worker.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.FleetResult;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's ProvisionFleet: {@code chaos-<scenario>-NN} VMs with fixed addresses, every
 * third a Windows VM whose customization names the administrator password secret, so that the
 * secret travels through the worker in every scenario.
 */
final class Fleet {
  static final int MAX_VMS = 240;
  static final String CPU_MEMORY = "2 vCPU, 2048 MB";

  /** What each VM should end up as. */
  record Vm(String name, String ip, boolean windows) {}

  private final String workflowId;
  private final List<Vm> vms;
  private final ProvisionFleetRequest request;
  private WorkflowStub stub;

  Fleet(String runId, String scenario, int index, int size, int parallelism, String adminSecretName) {
    if (size < 1 || size > MAX_VMS) {
      throw new IllegalArgumentException("--fleet must be 1 to " + MAX_VMS + ", got " + size);
    }
    this.workflowId = "chaos-" + runId + "-" + scenario;
    List<Vm> list = new ArrayList<>();
    List<ProvisionVmRequest> requests = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      String name = String.format(Locale.ROOT, "chaos-%s-%02d", scenario, i);
      String ip = "10.77." + index + "." + (10 + i);
      boolean windows = i % 3 == 0;
      GuestCustomization c = windows
          ? new GuestCustomization("windows", null, null, ip, "255.255.0.0", "10.77.0.1", List.of("10.77.0.53"),
              adminSecretName)
          : GuestCustomization.linuxStatic(null, "chaos.example", ip, "255.255.0.0", "10.77.0.1", List.of("10.77.0.53"));
      requests.add(new ProvisionVmRequest("sim", name, windows ? "tmpl-windows" : "tmpl-ubuntu", "DC0/vm", null,
          "DC0/host/DC0_C0", null, null, 2, 2048L, null, c, 300));
      list.add(new Vm(name, ip, windows));
    }
    this.vms = List.copyOf(list);
    this.request = new ProvisionFleetRequest(workflowId, requests, Math.min(parallelism, size),
        FailurePolicy.CONTINUE);
  }

  String workflowId() {
    return workflowId;
  }

  List<Vm> vms() {
    return vms;
  }

  String childId(Vm vm) {
    return workflowId + "/" + vm.name();
  }

  /** The fleet and each VM's child workflow. */
  List<String> workflowIds() {
    List<String> ids = new ArrayList<>();
    ids.add(workflowId);
    vms.forEach(vm -> ids.add(childId(vm)));
    return ids;
  }

  void start(WorkflowClient client) {
    stub = client.newUntypedWorkflowStub("ProvisionFleet", WorkflowOptions.newBuilder()
        .setTaskQueue("vsphere").setWorkflowId(workflowId)
        .setMemo(Map.of("vcenter", "sim", "fleet", workflowId)).build());
    stub.start(request);
  }

  /** The fleet's result, or null when it did not complete in time (or failed: see its status). */
  FleetResult await(Duration limit) {
    try {
      return stub.getResult(limit.toMillis(), TimeUnit.MILLISECONDS, FleetResult.class);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } catch (RuntimeException e) {
      return null; // failed or cancelled: the audit reads its status and failure from Temporal
    }
  }
}
