package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.ManagedObjectReference;
import java.util.Map;

/** An object a look-up found, with the properties its {@link Kind} reads. */
record Candidate(ManagedObjectReference ref, Map<String, Object> props) {
  String name() {
    Object name = props.get(Kind.NAME);
    return name == null ? null : name.toString();
  }
}
