package io.vspheretemporal.workflows.provision;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.inventory.VmState;
import io.vspheretemporal.workflows.progress.Failures;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a VM a workflow created: power it off if it runs, then destroy it. Runs in a detached
 * cancellation scope, so a cancelled workflow still finishes its clean-up; records what it did and
 * what it could not do, so nothing is left without a record.
 */
public final class VmUndo {
  private final List<String> undone = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  public static VmUndo remove(VSphereSteps vsphere, MoRef vm) {
    VmUndo undo = new VmUndo();
    Workflow.newDetachedCancellationScope(() -> undo.run(vsphere, vm)).run();
    return undo;
  }

  /** Removes several VMs in parallel; one undo per VM, in the order given. */
  public static List<VmUndo> removeAll(VSphereSteps vsphere, List<MoRef> vms) {
    List<VmUndo> undos = new ArrayList<>();
    Workflow.newDetachedCancellationScope(() -> {
      List<Promise<Void>> running = new ArrayList<>();
      for (MoRef vm : vms) {
        VmUndo undo = new VmUndo();
        undos.add(undo);
        running.add(Async.procedure(() -> undo.run(vsphere, vm)));
      }
      Promise.allOf(running).get();
    }).run();
    return undos;
  }

  private void run(VSphereSteps vsphere, MoRef vm) {
    VmState state;
    try {
      state = vsphere.getVmState(vm);
    } catch (RuntimeException e) {
      problems.add("could not read " + vm.label() + " (" + Failures.describe(e) + "); it may still exist");
      return;
    }
    if (!state.present()) {
      undone.add(vm.label() + " was already gone");
      return;
    }
    if (state.poweredOn()) {
      try {
        vsphere.powerOffVm(vm);
        undone.add("powered off " + vm.label());
      } catch (RuntimeException e) {
        problems.add("could not power off " + vm.label() + ": " + Failures.describe(e));
        return;
      }
    }
    try {
      vsphere.destroy(vm);
      undone.add("destroyed " + vm.label());
    } catch (RuntimeException e) {
      problems.add("could not destroy " + vm.label() + ": " + Failures.describe(e));
    }
  }

  public List<String> undone() {
    return List.copyOf(undone);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public boolean poweredOff() {
    return undone.stream().anyMatch(s -> s.startsWith("powered off"));
  }

  public boolean destroyed() {
    return undone.stream().anyMatch(s -> s.startsWith("destroyed") || s.endsWith("already gone"));
  }

  /** e.g. {@code undone: powered off web-01, destroyed web-01}. */
  public String summary() {
    String text = "undone: " + (undone.isEmpty() ? "nothing" : String.join(", ", undone));
    return problems.isEmpty() ? text : text + "; NOT undone: " + String.join(", ", problems);
  }
}
