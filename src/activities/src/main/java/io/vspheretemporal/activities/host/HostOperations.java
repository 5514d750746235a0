package io.vspheretemporal.activities.host;

import static io.vspheretemporal.activities.vim.Refs.vim;
import static io.vspheretemporal.api.MoRef.HOST_SYSTEM;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.catalog.ResultType;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;
import java.rmi.RemoteException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The host operations of the catalog. */
public final class HostOperations {
  private static final String CLUSTER = "ClusterComputeResource";

  private HostOperations() {}

  public static final Operation<AddHostRequest, MoRef> ADD_HOST = new Operation<>(
      "AddHost_Task", CLUSTER, true,
      ResultType.moRef(HOST_SYSTEM, AddHostRequest::hostName),
      AddHostRequest::parent,
      r -> AddHost.check(r, CLUSTER),
      (ctx, r) -> {
        var spec = AddHost.connectSpec(ctx, r);
        return (p, c) -> p.addHost_Task(vim(r.parent()), spec, r.asConnected(), null, null);
      },
      AddHost::probe);

  public static final Operation<AddHostRequest, MoRef> ADD_STANDALONE_HOST = new Operation<>(
      "AddStandaloneHost_Task", "Folder", true,
      ResultType.moRef(HOST_SYSTEM, AddHostRequest::hostName),
      AddHostRequest::parent,
      r -> AddHost.check(r, "Folder"),
      (ctx, r) -> {
        var spec = AddHost.connectSpec(ctx, r);
        return (p, c) -> p.addStandaloneHost_Task(vim(r.parent()), spec, null, r.asConnected(), null);
      },
      AddHost::probe);

  public static final Operation<MaintenanceModeRequest, Void> ENTER_MAINTENANCE_MODE = new Operation<>(
      "EnterMaintenanceMode_Task", HOST_SYSTEM, true, ResultType.none(),
      MaintenanceModeRequest::host,
      HostOperations::checkMaintenance,
      (ctx, r) -> (p, c) ->
          p.enterMaintenanceMode_Task(vim(r.host()), r.timeoutSeconds(), r.evacuatePoweredOffVms(), null),
      (ctx, r) -> hostState(ctx.session(), r.host(), "runtime.inMaintenanceMode", Boolean.TRUE));

  public static final Operation<MaintenanceModeRequest, Void> EXIT_MAINTENANCE_MODE = new Operation<>(
      "ExitMaintenanceMode_Task", HOST_SYSTEM, false, ResultType.none(),
      MaintenanceModeRequest::host,
      HostOperations::checkMaintenance,
      (ctx, r) -> (p, c) -> p.exitMaintenanceMode_Task(vim(r.host()), r.timeoutSeconds()),
      (ctx, r) -> hostState(ctx.session(), r.host(), "runtime.inMaintenanceMode", Boolean.FALSE));

  public static final Operation<MoRef, Void> DISCONNECT_HOST = new Operation<>(
      "DisconnectHost_Task", HOST_SYSTEM, false, ResultType.none(), host -> host,
      host -> new Checks().ref("host", host, HOST_SYSTEM).problems(),
      (ctx, host) -> (p, c) -> p.disconnectHost_Task(vim(host)),
      (ctx, host) -> hostState(ctx.session(), host, "runtime.connectionState", "disconnected"));

  public static final Operation<MoRef, Void> RECONNECT_HOST = new Operation<>(
      "ReconnectHost_Task", HOST_SYSTEM, false, ResultType.none(), host -> host,
      host -> new Checks().ref("host", host, HOST_SYSTEM).problems(),
      // No new connect spec: vCenter reconnects with the credentials it keeps for the host.
      (ctx, host) -> (p, c) -> p.reconnectHost_Task(vim(host), null, null),
      (ctx, host) -> hostState(ctx.session(), host, "runtime.connectionState", "connected"));

  public static final Operation<MoveIntoRequest, Void> MOVE_INTO = new Operation<>(
      "MoveInto_Task", CLUSTER, false, ResultType.none(),
      MoveIntoRequest::cluster,
      HostOperations::checkMoveInto,
      (ctx, r) -> {
        ManagedObjectReference[] hosts = r.hosts().stream().map(Refs::vim).toArray(ManagedObjectReference[]::new);
        return (p, c) -> p.moveInto_Task(vim(r.cluster()), hosts);
      },
      (ctx, r) -> {
        for (MoRef host : r.hosts()) {
          Object parent = Properties.read(ctx.session(), vim(host), "parent").orElse(Map.of()).get("parent");
          if (!(parent instanceof ManagedObjectReference ref) || !r.cluster().value().equals(ref.getVal())) {
            return ProbeResult.notDone();
          }
        }
        return ProbeResult.done(null);
      });

  static List<String> checkMaintenance(MaintenanceModeRequest r) {
    Checks c = new Checks().ref("host", r.host(), HOST_SYSTEM);
    if (r.timeoutSeconds() < 0) {
      c.problem("timeoutSeconds must be 0 (wait as long as it takes) or more, got " + r.timeoutSeconds());
    }
    return c.problems();
  }

  static List<String> checkMoveInto(MoveIntoRequest r) {
    Checks c = new Checks().ref("cluster", r.cluster(), CLUSTER);
    if (r.hosts().isEmpty()) {
      c.problem("hosts is empty; name at least one HostSystem to move into the cluster");
    }
    Set<MoRef> seen = new HashSet<>();
    for (int i = 0; i < r.hosts().size(); i++) {
      MoRef host = r.hosts().get(i);
      c.ref("hosts[" + i + "]", host, HOST_SYSTEM);
      if (host != null && !seen.add(host)) {
        c.problem("hosts[" + i + "] " + host.label() + " is listed twice");
      }
    }
    return c.problems();
  }

  /** Done when the host's property already has the value the task would give it. */
  private static ProbeResult hostState(
      VCenterSession session, MoRef host, String path, Object wanted) throws RemoteException {
    Optional<Map<String, Object>> props = Properties.read(session, vim(host), path);
    if (props.isEmpty()) {
      return ProbeResult.notDone(); // the host is gone: submitting reports vSphere's own fault
    }
    Object value = props.get().get(path);
    return wanted.toString().equals(String.valueOf(value)) ? ProbeResult.done(null) : ProbeResult.notDone();
  }
}
