package io.vspheretemporal.api.vm;

import io.vspheretemporal.api.MoRef;

/**
 * CreateVM_Task: a new, empty VM named {@code name} in {@code folder}, running in {@code resourcePool},
 * with its files on {@code datastore}.
 *
 * @param guestId vSphere's guest OS identifier, e.g. {@code ubuntu64Guest}
 */
public record CreateVmRequest(
    MoRef folder, String name, MoRef resourcePool, MoRef datastore, MoRef host,
    String guestId, int numCpus, long memoryMb) {}
