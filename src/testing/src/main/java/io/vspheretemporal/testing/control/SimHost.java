package io.vspheretemporal.testing.control;

/** A host in the simulator's inventory; {@code parent} is its cluster or compute resource. */
public record SimHost(String ref, String name, String parent, String connectionState, boolean inMaintenanceMode) {}
