package io.vspheretemporal.activities.host;

import io.vspheretemporal.activities.runner.TaskRunner;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;

/** Host tasks, each run by the {@link TaskRunner}. */
public final class HostActivitiesImpl implements HostActivities {
  private final TaskRunner runner;

  public HostActivitiesImpl(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  public MoRef addHost(AddHostRequest request) {
    return runner.run(HostOperations.ADD_HOST, request);
  }

  @Override
  public MoRef addStandaloneHost(AddHostRequest request) {
    return runner.run(HostOperations.ADD_STANDALONE_HOST, request);
  }

  @Override
  public void enterMaintenanceMode(MaintenanceModeRequest request) {
    runner.run(HostOperations.ENTER_MAINTENANCE_MODE, request);
  }

  @Override
  public void exitMaintenanceMode(MaintenanceModeRequest request) {
    runner.run(HostOperations.EXIT_MAINTENANCE_MODE, request);
  }

  @Override
  public void disconnectHost(MoRef host) {
    runner.run(HostOperations.DISCONNECT_HOST, host);
  }

  @Override
  public void reconnectHost(MoRef host) {
    runner.run(HostOperations.RECONNECT_HOST, host);
  }

  @Override
  public void moveInto(MoveIntoRequest request) {
    runner.run(HostOperations.MOVE_INTO, request);
  }
}
