package io.vspheretemporal.api.vm;

import io.vspheretemporal.api.MoRef;

/** RelocateVM_Task (vMotion / storage vMotion). Null fields stay as they are. */
public record RelocateVmRequest(MoRef vm, MoRef resourcePool, MoRef host, MoRef datastore, MoRef folder) {}
