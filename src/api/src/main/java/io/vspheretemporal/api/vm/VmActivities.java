package io.vspheretemporal.api.vm;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.vspheretemporal.api.MoRef;

/**
 * Virtual machine tasks. Each method is one vSphere {@code *_Task}; the activity type is the vSphere
 * method name, so the Temporal UI shows the operation.
 */
@ActivityInterface
public interface VmActivities {

  /** Returns the new VM. */
  @ActivityMethod(name = "CloneVM_Task")
  MoRef cloneVm(CloneVmRequest request);

  /** Returns the new VM. vSphere cannot cancel it: a cancelled step waits for it and reports it. */
  @ActivityMethod(name = "CreateVM_Task")
  MoRef createVm(CreateVmRequest request);

  @ActivityMethod(name = "ReconfigVM_Task")
  void reconfigureVm(ReconfigureVmRequest request);

  @ActivityMethod(name = "RelocateVM_Task")
  void relocateVm(RelocateVmRequest request);

  @ActivityMethod(name = "PowerOnVM_Task")
  void powerOnVm(MoRef vm);

  @ActivityMethod(name = "PowerOffVM_Task")
  void powerOffVm(MoRef vm);

  @ActivityMethod(name = "ResetVM_Task")
  void resetVm(MoRef vm);

  @ActivityMethod(name = "SuspendVM_Task")
  void suspendVm(MoRef vm);
}
