package io.vspheretemporal.activities.vim;

import com.vmware.vim25.ManagedObjectReference;

/** A managed object reference usable as a map key (yavijava's class has no equals). */
public record ObjectKey(String type, String value) {
  public static ObjectKey of(ManagedObjectReference ref) {
    return new ObjectKey(ref.getType(), ref.getVal());
  }

  public ManagedObjectReference toRef() {
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType(type);
    ref.setVal(value);
    return ref;
  }

  @Override
  public String toString() {
    return type + ":" + value;
  }
}
