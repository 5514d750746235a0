package io.vspheretemporal.testing.control;

/** A managed entity in the simulator's inventory. */
public record SimObject(String ref, String type, String name, String parent) {}
