package io.vspheretemporal.api.vm;

import io.vspheretemporal.api.MoRef;

/**
 * ReconfigVM_Task. Null fields are left as they are.
 *
 * @param memoryMb memory in MB, a multiple of 4
 * @param diskGb grow the first virtual disk to this size (it never shrinks)
 * @param network connect the first network adapter to this network or portgroup
 */
public record ReconfigureVmRequest(MoRef vm, Integer numCpus, Long memoryMb, Long diskGb, MoRef network) {

  public static ReconfigureVmRequest cpuAndMemory(MoRef vm, int numCpus, long memoryMb) {
    return new ReconfigureVmRequest(vm, numCpus, memoryMb, null, null);
  }
}
