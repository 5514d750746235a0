package io.vspheretemporal.activities.vim;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.api.MoRef;

/** Conversions between workflow payload refs and vim25 refs. */
public final class Refs {
  private Refs() {}

  public static ManagedObjectReference vim(MoRef ref) {
    if (ref == null) {
      return null;
    }
    ManagedObjectReference m = new ManagedObjectReference();
    m.setType(ref.type());
    m.setVal(ref.value());
    return m;
  }

  public static MoRef api(String vcenter, ManagedObjectReference ref, String name) {
    return ref == null ? null : new MoRef(vcenter, ref.getType(), ref.getVal(), name);
  }
}
