package io.vspheretemporal.api.inventory;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.vspheretemporal.api.MoRef;

/**
 * Inventory look-ups (not tasks). Each returns the object with its name, or fails with type
 * {@code NotFound} naming what was looked for.
 */
@ActivityInterface
public interface InventoryActivities {

  @ActivityMethod(name = "FindVm")
  MoRef findVm(InventoryLookup lookup);

  /** A VM marked as template. */
  @ActivityMethod(name = "FindTemplate")
  MoRef findTemplate(InventoryLookup lookup);

  @ActivityMethod(name = "FindFolder")
  MoRef findFolder(InventoryLookup lookup);

  @ActivityMethod(name = "FindResourcePool")
  MoRef findResourcePool(InventoryLookup lookup);

  @ActivityMethod(name = "FindDatastore")
  MoRef findDatastore(InventoryLookup lookup);

  /** A standard network or distributed portgroup. */
  @ActivityMethod(name = "FindNetwork")
  MoRef findNetwork(InventoryLookup lookup);

  @ActivityMethod(name = "FindHost")
  MoRef findHost(InventoryLookup lookup);

  @ActivityMethod(name = "FindCluster")
  MoRef findCluster(InventoryLookup lookup);

  /** The VM's current state; {@code present=false} when it no longer exists. */
  @ActivityMethod(name = "GetVmState")
  VmState getVmState(MoRef vm);
}
