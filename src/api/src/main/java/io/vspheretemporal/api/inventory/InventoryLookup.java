package io.vspheretemporal.api.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where to find an object: an inventory path such as {@code DC0/vm/web-01} or
 * {@code DC0/host/DC0_C0/Resources}, or, without a slash, an object's name (which must be unique
 * among objects of that kind on the vCenter).
 */
public record InventoryLookup(String vcenter, String pathOrName) {

  public static InventoryLookup of(String vcenter, String pathOrName) {
    return new InventoryLookup(vcenter, pathOrName);
  }

  /** Not a payload field: Jackson would write it as {@code path} and then fail to read it back. */
  @JsonIgnore
  public boolean isPath() {
    return pathOrName != null && pathOrName.contains("/");
  }
}
