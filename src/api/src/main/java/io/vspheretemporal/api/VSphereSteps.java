package io.vspheretemporal.api;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.vspheretemporal.api.entity.EntityActivities;
import io.vspheretemporal.api.entity.RenameRequest;
import io.vspheretemporal.api.guest.GuestActivities;
import io.vspheretemporal.api.guest.GuestWaitRequest;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;
import io.vspheretemporal.api.inventory.InventoryActivities;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.inventory.VmState;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.api.snapshot.SnapshotActivities;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.RelocateVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * vSphere steps for workflow code. Each call is one activity with good defaults (below) and a
 * summary naming the operation and its object, which the Temporal UI shows:
 *
 * <pre>{@code
 * VSphereSteps vsphere = VSphereSteps.withDefaults();
 * MoRef vm = vsphere.cloneVm(CloneVmRequest.of(template, folder, "web-01", pool));
 * vsphere.powerOnVm(vm);
 * }</pre>
 *
 * Defaults: heartbeat timeout 30 s (steps heartbeat every few seconds while vSphere works),
 * start-to-close 2 h for tasks and 30 s for look-ups (they do not heartbeat, so this is how long a
 * look-up on a worker that died waits before another worker retries it), retries with backoff up to
 * 10 attempts (about 4 minutes of a vCenter being unreachable) except for the faults in
 * {@link FailureTypes#NON_RETRYABLE}, and {@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED},
 * so a cancelled workflow's compensation starts only after vSphere has stopped.
 */
public final class VSphereSteps {
  private final ActivityOptions tasks;
  private final ActivityOptions lookups;

  private VSphereSteps(ActivityOptions tasks, ActivityOptions lookups) {
    this.tasks = tasks;
    this.lookups = lookups;
  }

  public static VSphereSteps withDefaults() {
    return new VSphereSteps(taskDefaults(), lookupDefaults());
  }

  /** Custom options for task steps (e.g. a task queue); look-ups keep their defaults. */
  public static VSphereSteps with(ActivityOptions taskOptions) {
    return new VSphereSteps(taskOptions, lookupDefaults());
  }

  public static ActivityOptions taskDefaults() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(retries())
        .build();
  }

  public static ActivityOptions lookupDefaults() {
    return ActivityOptions.newBuilder()
        // A few property reads: 30 s is ample, and a look-up whose worker died is retried after it.
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(retries())
        .build();
  }

  public static RetryOptions retries() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2)
        .setMaximumInterval(Duration.ofMinutes(1))
        .setMaximumAttempts(10)
        .setDoNotRetry(FailureTypes.NON_RETRYABLE.toArray(String[]::new))
        .build();
  }

  /** The stub behind the typed calls, with your own summary. */
  public VmActivities vm(String summary) {
    return stub(VmActivities.class, tasks, summary);
  }

  public EntityActivities entity(String summary) {
    return stub(EntityActivities.class, tasks, summary);
  }

  public SnapshotActivities snapshot(String summary) {
    return stub(SnapshotActivities.class, tasks, summary);
  }

  public HostActivities host(String summary) {
    return stub(HostActivities.class, tasks, summary);
  }

  public InventoryActivities inventory(String summary) {
    return stub(InventoryActivities.class, lookups, summary);
  }

  public GuestActivities guest(String summary, Duration timeout) {
    ActivityOptions options = ActivityOptions.newBuilder(tasks)
        .setStartToCloseTimeout(timeout.plusMinutes(1))
        .build();
    return stub(GuestActivities.class, options, summary);
  }

  private static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  // Virtual machines

  public MoRef cloneVm(CloneVmRequest r) {
    return vm("CloneVM_Task " + r.name() + " from " + r.source().label()).cloneVm(r);
  }

  public MoRef createVm(CreateVmRequest r) {
    return vm("CreateVM_Task " + r.name() + " in " + r.folder().label()).createVm(r);
  }

  public void reconfigureVm(ReconfigureVmRequest r) {
    StringBuilder what = new StringBuilder();
    if (r.numCpus() != null) {
      what.append(" ").append(r.numCpus()).append(" vCPU");
    }
    if (r.memoryMb() != null) {
      what.append(" ").append(r.memoryMb()).append(" MB");
    }
    if (r.diskGb() != null) {
      what.append(" disk ").append(r.diskGb()).append(" GB");
    }
    if (r.network() != null) {
      what.append(" network ").append(r.network().label());
    }
    vm("ReconfigVM_Task " + r.vm().label() + ":" + what).reconfigureVm(r);
  }

  public void relocateVm(RelocateVmRequest r) {
    vm("RelocateVM_Task " + r.vm().label()).relocateVm(r);
  }

  public void powerOnVm(MoRef vm) {
    vm("PowerOnVM_Task " + vm.label()).powerOnVm(vm);
  }

  public void powerOffVm(MoRef vm) {
    vm("PowerOffVM_Task " + vm.label()).powerOffVm(vm);
  }

  public void resetVm(MoRef vm) {
    vm("ResetVM_Task " + vm.label()).resetVm(vm);
  }

  public void suspendVm(MoRef vm) {
    vm("SuspendVM_Task " + vm.label()).suspendVm(vm);
  }

  // Any entity

  public void destroy(MoRef entity) {
    entity("Destroy_Task " + entity.label()).destroy(entity);
  }

  public void rename(RenameRequest r) {
    entity("Rename_Task " + r.entity().label() + " to " + r.newName()).rename(r);
  }

  // Snapshots

  public MoRef createSnapshot(CreateSnapshotRequest r) {
    return snapshot("CreateSnapshot_Task " + r.name() + " of " + r.vm().label()).createSnapshot(r);
  }

  public void revertToSnapshot(MoRef snapshot) {
    snapshot("RevertToSnapshot_Task " + snapshot.label()).revertToSnapshot(snapshot);
  }

  public void removeSnapshot(RemoveSnapshotRequest r) {
    snapshot("RemoveSnapshot_Task " + r.snapshot().label()).removeSnapshot(r);
  }

  public void removeAllSnapshots(MoRef vm) {
    snapshot("RemoveAllSnapshots_Task " + vm.label()).removeAllSnapshots(vm);
  }

  // Hosts

  public MoRef addHost(AddHostRequest r) {
    return host("AddHost_Task " + r.hostName() + " to " + r.parent().label()).addHost(r);
  }

  public MoRef addStandaloneHost(AddHostRequest r) {
    return host("AddStandaloneHost_Task " + r.hostName() + " to " + r.parent().label()).addStandaloneHost(r);
  }

  public void enterMaintenanceMode(MaintenanceModeRequest r) {
    host("EnterMaintenanceMode_Task " + r.host().label()).enterMaintenanceMode(r);
  }

  public void exitMaintenanceMode(MaintenanceModeRequest r) {
    host("ExitMaintenanceMode_Task " + r.host().label()).exitMaintenanceMode(r);
  }

  public void disconnectHost(MoRef host) {
    host("DisconnectHost_Task " + host.label()).disconnectHost(host);
  }

  public void reconnectHost(MoRef host) {
    host("ReconnectHost_Task " + host.label()).reconnectHost(host);
  }

  public void moveInto(MoveIntoRequest r) {
    String hosts = r.hosts().stream().map(MoRef::label).collect(Collectors.joining(", "));
    host("MoveInto_Task " + hosts + " into " + r.cluster().label()).moveInto(r);
  }

  // Inventory

  public MoRef findVm(InventoryLookup l) {
    return inventory("FindVm " + l.pathOrName()).findVm(l);
  }

  public MoRef findTemplate(InventoryLookup l) {
    return inventory("FindTemplate " + l.pathOrName()).findTemplate(l);
  }

  public MoRef findFolder(InventoryLookup l) {
    return inventory("FindFolder " + l.pathOrName()).findFolder(l);
  }

  public MoRef findResourcePool(InventoryLookup l) {
    return inventory("FindResourcePool " + l.pathOrName()).findResourcePool(l);
  }

  public MoRef findDatastore(InventoryLookup l) {
    return inventory("FindDatastore " + l.pathOrName()).findDatastore(l);
  }

  public MoRef findNetwork(InventoryLookup l) {
    return inventory("FindNetwork " + l.pathOrName()).findNetwork(l);
  }

  public MoRef findHost(InventoryLookup l) {
    return inventory("FindHost " + l.pathOrName()).findHost(l);
  }

  public MoRef findCluster(InventoryLookup l) {
    return inventory("FindCluster " + l.pathOrName()).findCluster(l);
  }

  public VmState getVmState(MoRef vm) {
    return inventory("GetVmState " + vm.label()).getVmState(vm);
  }

  // Guest

  public void waitForGuestTools(MoRef vm, Duration timeout) {
    guest("WaitForGuestTools " + vm.label(), timeout).waitForTools(new GuestWaitRequest(vm, (int) timeout.toSeconds()));
  }

  public String waitForGuestIp(MoRef vm, Duration timeout) {
    return guest("WaitForGuestIp " + vm.label(), timeout).waitForIp(new GuestWaitRequest(vm, (int) timeout.toSeconds()));
  }
}
