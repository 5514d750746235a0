package io.vspheretemporal.testing.control;

/** A virtual machine (or template) in the simulator's inventory. */
public record SimVm(
    String ref, String name, boolean template, String powerState, int numCpu, int memoryMB,
    String toolsRunningStatus, String ipAddress, String host, String resourcePool, String folder) {}
