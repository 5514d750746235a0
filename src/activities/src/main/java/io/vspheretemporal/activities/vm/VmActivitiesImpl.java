package io.vspheretemporal.activities.vm;

import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.RelocateVmRequest;
import io.vspheretemporal.api.vm.VmActivities;

/** Virtual machine tasks, each run by the {@link TaskRunner}. */
public final class VmActivitiesImpl implements VmActivities {
  private final TaskRunner runner;

  public VmActivitiesImpl(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  public MoRef cloneVm(CloneVmRequest request) {
    return runner.run(VmOperations.CLONE, request);
  }

  @Override
  public MoRef createVm(CreateVmRequest request) {
    return runner.run(VmOperations.CREATE, request);
  }

  @Override
  public void reconfigureVm(ReconfigureVmRequest request) {
    runner.run(VmOperations.RECONFIGURE, request);
  }

  @Override
  public void relocateVm(RelocateVmRequest request) {
    runner.run(VmOperations.RELOCATE, request);
  }

  @Override
  public void powerOnVm(MoRef vm) {
    runner.run(VmOperations.POWER_ON, vm);
  }

  @Override
  public void powerOffVm(MoRef vm) {
    runner.run(VmOperations.POWER_OFF, vm);
  }

  @Override
  public void resetVm(MoRef vm) {
    runner.run(VmOperations.RESET, vm);
  }

  @Override
  public void suspendVm(MoRef vm) {
    runner.run(VmOperations.SUSPEND, vm);
  }
}
