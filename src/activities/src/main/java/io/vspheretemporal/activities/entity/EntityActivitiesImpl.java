package io.vspheretemporal.activities.entity;

import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.EntityActivities;
import io.vspheretemporal.api.entity.RenameRequest;

/** Destroy and rename of any managed entity, each run by the {@link TaskRunner}. */
public final class EntityActivitiesImpl implements EntityActivities {
  private final TaskRunner runner;

  public EntityActivitiesImpl(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  public void destroy(MoRef entity) {
    runner.run(EntityOperations.DESTROY, entity);
  }

  @Override
  public void rename(RenameRequest request) {
    runner.run(EntityOperations.RENAME, request);
  }
}
