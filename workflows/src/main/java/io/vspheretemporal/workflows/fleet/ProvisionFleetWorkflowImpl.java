package io.vspheretemporal.workflows.fleet;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.workflows.common.Cancellation;
import io.vspheretemporal.workflows.common.Requests;
import io.vspheretemporal.workflows.progress.Failures;
import io.vspheretemporal.workflows.progress.StepState;
import io.vspheretemporal.workflows.progress.StepTracker;
import io.vspheretemporal.workflows.progress.WorkflowProgress;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmResult;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflow;
import io.vspheretemporal.workflows.provision.ProvisionVmWorkflowImpl;
import io.vspheretemporal.workflows.provision.VmUndo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

public class ProvisionFleetWorkflowImpl implements ProvisionFleetWorkflow {
  private final VSphereSteps vsphere = VSphereSteps.withDefaults();
  private final Map<String, VmOutcome> outcomes = new LinkedHashMap<>();
  private StepTracker steps;
  /**
   * The workflow's own scope. A promise callback runs in a workflow thread of its own, whose
   * {@code CancellationScope.current()} never sees the workflow being cancelled.
   */
  private CancellationScope fleetScope;
  private CancellationScope children;
  private int running;
  private boolean stopping;

  @Override
  public FleetResult provision(ProvisionFleetRequest r) {
    validate(r);
    fleetScope = CancellationScope.current();
    List<String> names = r.vms().stream().map(ProvisionVmRequest::name).toList();
    steps = new StepTracker("ProvisionFleet " + r.fleet() + " (" + names.size() + " VMs, " + r.parallelism() + " at once)", names);
    for (String name : names) {
      outcomes.put(name, new VmOutcome(name, "not started", null, null, null));
    }
    List<Promise<Void>> settled = new ArrayList<>();
    children = Workflow.newCancellationScope(() -> {
      for (ProvisionVmRequest vm : r.vms()) {
        Workflow.await(() -> running < r.parallelism() || stopping);
        if (stopping) {
          return;
        }
        settled.add(start(vm, r));
      }
    });
    try {
      children.run();
    } catch (CanceledFailure e) {
      // the fleet stopped (or was cancelled) while waiting for a free slot: start no more
    }
    Promise.allOf(settled).get();

    boolean cancelled = fleetScope.isCancelRequested();
    if (cancelled || stopping) {
      undoProvisioned(cancelled ? "the fleet was cancelled" : "another VM failed");
    }
    long provisioned = count("provisioned");
    long failed = count("failed");
    FleetResult result = new FleetResult(r.fleet(), List.copyOf(outcomes.values()), provisioned, failed);
    steps.outcome(provisioned + " provisioned, " + failed + " failed"
        + (cancelled ? ", cancelled" : stopping ? ", stopped and undone" : ""));
    if (cancelled) {
      throw new CanceledFailure("ProvisionFleet " + r.fleet() + " cancelled; its VMs were removed");
    }
    if (stopping) {
      throw ApplicationFailure.newBuilder()
          .setType("FleetFailed")
          .setMessage("ProvisionFleet " + r.fleet() + " stopped at the first failure and undid its VMs: " + failures())
          .setNonRetryable(true)
          .setDetails(result)
          .build();
    }
    return result;
  }

  /** Starts one child; its promise settles (never fails) once the outcome is recorded. */
  private Promise<Void> start(ProvisionVmRequest vm, ProvisionFleetRequest r) {
    running++;
    steps.start(vm.name());
    ProvisionVmWorkflow child = Workflow.newChildWorkflowStub(ProvisionVmWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(Workflow.getInfo().getWorkflowId() + "/" + vm.name())
            .setMemo(Map.of("vcenter", vm.vcenter(), "vmName", vm.name(), "fleet", r.fleet()))
            .build());
    return Async.function(child::provision, vm).handle((ProvisionVmResult done, RuntimeException e) -> {
      running--;
      if (e == null) {
        outcomes.put(vm.name(), new VmOutcome(vm.name(), "provisioned", done.vm(), done.ipAddress(), null));
        steps.finish(vm.name(), StepState.DONE, done.ipAddress());
      } else if (Cancellation.isCancellation(e) && (stopping || fleetScope.isCancelRequested())) {
        outcomes.put(vm.name(), new VmOutcome(vm.name(), "cancelled", null, null, "cancelled; it undid its own work"));
        steps.finish(vm.name(), StepState.UNDONE, "cancelled");
      } else {
        outcomes.put(vm.name(), new VmOutcome(vm.name(), "failed", null, null, Failures.describe(e)));
        steps.finish(vm.name(), StepState.FAILED, Failures.describe(e));
        if (r.failurePolicy() == FailurePolicy.STOP_AND_UNDO_ALL && !stopping) {
          stopping = true;
          children.cancel("another VM of the fleet failed");
        }
      }
      return null;
    });
  }

  private void undoProvisioned(String why) {
    List<String> names = new ArrayList<>();
    List<MoRef> vms = new ArrayList<>();
    outcomes.values().stream().filter(o -> "provisioned".equals(o.status())).forEach(o -> {
      names.add(o.name());
      vms.add(o.vm());
    });
    List<VmUndo> undos = VmUndo.removeAll(vsphere, vms);
    for (int i = 0; i < names.size(); i++) {
      VmOutcome o = outcomes.get(names.get(i));
      String undone = why + "; " + undos.get(i).summary();
      outcomes.put(o.name(), new VmOutcome(o.name(), "undone", o.vm(), o.ipAddress(), undone));
      steps.undone(o.name(), undone);
    }
  }

  private long count(String status) {
    return outcomes.values().stream().filter(o -> status.equals(o.status())).count();
  }

  private String failures() {
    return String.join("; ", outcomes.values().stream().filter(o -> "failed".equals(o.status()))
        .map(o -> o.name() + ": " + o.error()).toList());
  }

  static void validate(ProvisionFleetRequest r) {
    check(r).orFail();
  }

  /** The request's problems, each VM's included: what the workflow rejects before anything runs. */
  public static Requests check(ProvisionFleetRequest r) {
    Requests checks = new Requests("ProvisionFleet")
        .required("fleet", r.fleet())
        .check(!r.vms().isEmpty(), "vms must list at least one VM")
        .check(r.vms().size() <= ProvisionFleetRequest.MAX_VMS,
            "a fleet has at most " + ProvisionFleetRequest.MAX_VMS + " VMs, got " + r.vms().size() + "; split it")
        .check(r.parallelism() >= 1 && r.parallelism() <= ProvisionFleetRequest.MAX_PARALLELISM,
            "parallelism must be 1 to " + ProvisionFleetRequest.MAX_PARALLELISM + ", got " + r.parallelism())
        .check(r.failurePolicy() != null, "failurePolicy is required: STOP_AND_UNDO_ALL or CONTINUE");
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    for (int i = 0; i < r.vms().size(); i++) {
      ProvisionVmRequest vm = r.vms().get(i);
      if (vm == null) {
        checks.check(false, "vms[" + i + "] is empty");
        continue;
      }
      if (vm.name() != null && !seen.add(vm.name())) {
        duplicates.add(vm.name());
      }
      checks.include("vms[" + i + "] " + vm.name() + ": ", ProvisionVmWorkflowImpl.check(vm).problems());
    }
    checks.check(duplicates.isEmpty(), "VM names must be unique in a fleet; repeated: " + String.join(", ", duplicates));
    return checks;
  }

  @Override
  public WorkflowProgress progress() {
    return steps == null ? null : steps.progress();
  }
}
