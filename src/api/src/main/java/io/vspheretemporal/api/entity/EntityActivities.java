package io.vspheretemporal.api.entity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.vspheretemporal.api.MoRef;

/** Tasks every managed entity has. */
@ActivityInterface
public interface EntityActivities {

  /** Destroys the entity (a VM is deleted from disk; a host is removed from vCenter). */
  @ActivityMethod(name = "Destroy_Task")
  void destroy(MoRef entity);

  @ActivityMethod(name = "Rename_Task")
  void rename(RenameRequest request);
}
