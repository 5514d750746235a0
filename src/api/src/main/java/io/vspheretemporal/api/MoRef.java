package io.vspheretemporal.api;

import java.util.Objects;

/**
 * A reference to a vSphere managed object on a named vCenter, as workflows pass it around.
 * {@code name} is the object's display name when known; it is informational only and not part of
 * identity ({@link #equals} compares vCenter, type and value).
 *
 * @param vcenter the vCenter's name in the worker's configuration
 * @param type the managed object type, e.g. {@code VirtualMachine}
 * @param value the MoRef value, e.g. {@code vm-42}
 */
public record MoRef(String vcenter, String type, String value, String name) {

  public static final String VIRTUAL_MACHINE = "VirtualMachine";
  public static final String HOST_SYSTEM = "HostSystem";
  public static final String SNAPSHOT = "VirtualMachineSnapshot";
  public static final String TASK = "Task";

  public MoRef {
    Objects.requireNonNull(vcenter, "vcenter");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  public static MoRef of(String vcenter, String type, String value) {
    return new MoRef(vcenter, type, value, null);
  }

  public MoRef withName(String newName) {
    return new MoRef(vcenter, type, value, newName);
  }

  /** The name when known, else the value: what summaries and messages show. */
  public String label() {
    return name != null ? name : value;
  }

  public boolean is(String managedObjectType) {
    return type.equals(managedObjectType);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MoRef other
        && vcenter.equals(other.vcenter) && type.equals(other.type) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vcenter, type, value);
  }

  @Override
  public String toString() {
    return type + ":" + value + (name != null ? "(" + name + ")" : "") + "@" + vcenter;
  }
}
