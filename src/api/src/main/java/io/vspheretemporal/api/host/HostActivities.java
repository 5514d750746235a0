package io.vspheretemporal.api.host;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.vspheretemporal.api.MoRef;

/** Host tasks. Removing a host is {@code EntityActivities.destroy}. */
@ActivityInterface
public interface HostActivities {

  /** Adds a host to a cluster; returns the new HostSystem. */
  @ActivityMethod(name = "AddHost_Task")
  MoRef addHost(AddHostRequest request);

  /** Adds a standalone host to a host folder; returns the new HostSystem. */
  @ActivityMethod(name = "AddStandaloneHost_Task")
  MoRef addStandaloneHost(AddHostRequest request);

  @ActivityMethod(name = "EnterMaintenanceMode_Task")
  void enterMaintenanceMode(MaintenanceModeRequest request);

  @ActivityMethod(name = "ExitMaintenanceMode_Task")
  void exitMaintenanceMode(MaintenanceModeRequest request);

  @ActivityMethod(name = "DisconnectHost_Task")
  void disconnectHost(MoRef host);

  @ActivityMethod(name = "ReconnectHost_Task")
  void reconnectHost(MoRef host);

  @ActivityMethod(name = "MoveInto_Task")
  void moveInto(MoveIntoRequest request);
}
