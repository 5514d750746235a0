package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.EntityActivities;
import io.vspheretemporal.api.entity.RenameRequest;
import io.vspheretemporal.api.host.AddHostRequest;
import io.vspheretemporal.api.host.HostActivities;
import io.vspheretemporal.api.host.MaintenanceModeRequest;
import io.vspheretemporal.api.host.MoveIntoRequest;
import io.vspheretemporal.api.snapshot.CreateSnapshotRequest;
import io.vspheretemporal.api.snapshot.RemoveSnapshotRequest;
import io.vspheretemporal.api.snapshot.SnapshotActivities;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad request fails as InvalidRequest, not retried, with a message naming every bad field, and
 * nothing reaches vSphere. Refs need not exist: checks look at types and fields only.
 */
@VcSim(taskMillis = 500)
class ValidationTest {
  static final MoRef CLUSTER = SimVCenter.ref("ClusterComputeResource", "domain-c7", "DC0_C0");
  static final MoRef HOST_FOLDER = SimVCenter.ref("Folder", "group-h4", "host");
  static final MoRef HOST = SimVCenter.ref(MoRef.HOST_SYSTEM, "host-21", "DC0_C0_H0");
  static final MoRef VM = SimVCenter.ref(MoRef.VIRTUAL_MACHINE, "vm-42", "DC0_H0_VM0");
  static final MoRef SNAPSHOT = SimVCenter.ref(MoRef.SNAPSHOT, "snapshot-7", "nightly");
  static final MoRef VM_FOLDER = SimVCenter.ref("Folder", "group-v3", "vm");
  static final MoRef POOL = SimVCenter.ref("ResourcePool", "resgroup-8", "Resources");
  static final MoRef DATASTORE = SimVCenter.ref("Datastore", "datastore-5", "LocalDS_0");

  static SimWorker worker;
  TestActivityEnvironment env;
  Stubs stubs;

  record Stubs(HostActivities host, SnapshotActivities snapshot, EntityActivities entity, VmActivities vm) {}

  record BadRequest(String what, Consumer<Stubs> call, List<String> problems) {
    @Override
    public String toString() {
      return what;
    }
  }

  static BadRequest bad(String what, Consumer<Stubs> call, String... problems) {
    return new BadRequest(what, call, List.of(problems));
  }

  static Stream<BadRequest> badRequests() {
    return Stream.of(
        bad("AddHost into a folder, without a host name",
            s -> s.host().addHost(new AddHostRequest(HOST_FOLDER, " ", "root", "esx-root", null, true)),
            "parent must be a ClusterComputeResource, not a Folder (group-h4)", "hostName is required"),
        bad("AddStandaloneHost with every field wrong",
            s -> s.host().addStandaloneHost(new AddHostRequest(CLUSTER, "esx_01!.example.com", null, "", "1A:2B", false)),
            "parent must be a Folder, not a ClusterComputeResource (domain-c7)",
            "hostName 'esx_01!.example.com' is neither a DNS name nor an IP address",
            "username is required", "passwordSecret is required", "sslThumbprint '1A:2B' is not a certificate thumbprint"),
        bad("EnterMaintenanceMode on a VM with a negative timeout",
            s -> s.host().enterMaintenanceMode(new MaintenanceModeRequest(VM, -1, false)),
            "host must be a HostSystem, not a VirtualMachine (vm-42)", "timeoutSeconds must be 0"),
        bad("ExitMaintenanceMode without a host",
            s -> s.host().exitMaintenanceMode(new MaintenanceModeRequest(null, 0, false)),
            "host is required"),
        bad("DisconnectHost on a cluster",
            s -> s.host().disconnectHost(CLUSTER),
            "host must be a HostSystem, not a ClusterComputeResource (domain-c7)"),
        bad("ReconnectHost on a host with an empty id",
            s -> s.host().reconnectHost(SimVCenter.ref(MoRef.HOST_SYSTEM, "", null)),
            "host has an empty managed object id"),
        bad("MoveInto a folder, with nothing to move",
            s -> s.host().moveInto(new MoveIntoRequest(HOST_FOLDER, List.of())),
            "cluster must be a ClusterComputeResource, not a Folder (group-h4)", "hosts is empty"),
        bad("MoveInto with a VM, a host twice and a host of another vCenter",
            s -> s.host().moveInto(new MoveIntoRequest(CLUSTER,
                List.of(HOST, VM, HOST, new MoRef("other", MoRef.HOST_SYSTEM, "host-9", "esx-9")))),
            "hosts[1] must be a HostSystem, not a VirtualMachine (vm-42)", "hosts[2] DC0_C0_H0 is listed twice",
            "hosts[3] is on vCenter 'other' but the request's other objects are on 'sim'"),
        bad("CreateSnapshot of a host, without a name",
            s -> s.snapshot().createSnapshot(CreateSnapshotRequest.of(HOST, "", "x")),
            "vm must be a VirtualMachine, not a HostSystem (host-21)", "name is required"),
        bad("RevertToSnapshot given the VM",
            s -> s.snapshot().revertToSnapshot(VM),
            "snapshot must be a VirtualMachineSnapshot, not a VirtualMachine (vm-42)"),
        bad("RemoveSnapshot given the VM",
            s -> s.snapshot().removeSnapshot(RemoveSnapshotRequest.of(VM)),
            "snapshot must be a VirtualMachineSnapshot, not a VirtualMachine (vm-42)"),
        bad("RemoveAllSnapshots given a snapshot",
            s -> s.snapshot().removeAllSnapshots(SNAPSHOT),
            "vm must be a VirtualMachine, not a VirtualMachineSnapshot (snapshot-7)"),
        bad("Destroy a snapshot, which is not a managed entity",
            s -> s.entity().destroy(SNAPSHOT),
            "entity must be a VirtualMachine or HostSystem or Folder", "not a VirtualMachineSnapshot (snapshot-7)"),
        bad("Rename to a name with a slash",
            s -> s.entity().rename(new RenameRequest(VM, "web/01")),
            "newName 'web/01' must not contain / or \\"),
        bad("Rename without a new name or an entity",
            s -> s.entity().rename(new RenameRequest(null, null)),
            "entity is required", "newName is required"),
        bad("PowerOn a VM reference with an empty id",
            s -> s.vm().powerOnVm(SimVCenter.ref(MoRef.VIRTUAL_MACHINE, " ", null)),
            "vm has an empty managed object id"),
        bad("PowerOn given a host",
            s -> s.vm().powerOnVm(HOST),
            "vm must be a VirtualMachine, not a HostSystem (host-21)"),
        bad("Reconfigure to negative CPUs and memory not a multiple of 4 MB",
            s -> s.vm().reconfigureVm(ReconfigureVmRequest.cpuAndMemory(VM, -1, 1023)),
            "numCpus must be at least 1, got -1", "memoryMb 1023 is not a multiple of 4 MB"),
        bad("Reconfigure to zero CPUs and zero memory",
            s -> s.vm().reconfigureVm(ReconfigureVmRequest.cpuAndMemory(VM, 0, 0)),
            "numCpus must be at least 1, got 0", "memoryMb must be at least 1, got 0"),
        bad("Reconfigure with nothing to change",
            s -> s.vm().reconfigureVm(new ReconfigureVmRequest(VM, null, null, null, null)),
            "nothing to change: set numCpus, memoryMb, diskGb or network"),
        bad("CreateVm with zero CPUs, odd memory and no guest id",
            s -> s.vm().createVm(new CreateVmRequest(VM_FOLDER, "new-01", POOL, DATASTORE, null, " ", 0, 1022)),
            "guestId is required", "numCpus must be at least 1, got 0", "memoryMb 1022 is not a multiple of 4 MB"),
        bad("Clone with a name over 80 characters",
            s -> s.vm().cloneVm(CloneVmRequest.of(VM, VM_FOLDER, "x".repeat(81), POOL)),
            "name '" + "x".repeat(81) + "' is longer than vSphere's 80 characters"),
        bad("Clone with a blank name, from a host, into a pool",
            s -> s.vm().cloneVm(CloneVmRequest.of(HOST, POOL, "  ", POOL)),
            "source must be a VirtualMachine, not a HostSystem (host-21)",
            "folder must be a Folder, not a ResourcePool (resgroup-8)", "name is required"),
        bad("Clone with a customization of an unknown OS and a bad address",
            s -> s.vm().cloneVm(CloneVmRequest.of(VM, VM_FOLDER, "web-09", POOL).withCustomization(
                new GuestCustomization("solaris", "web_09", null, "10.0.0.300", null, null, List.of(), null))),
            "customization.os must be linux or windows, got solaris",
            "customization.hostName 'web_09' is not a valid host name",
            "customization.ipAddress '10.0.0.300' is not an IPv4 address", "customization.netmask is required"));
  }

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start() {
    env = worker.environment();
    stubs = new Stubs(SimWorker.stub(env, HostActivities.class), SimWorker.stub(env, SnapshotActivities.class),
        SimWorker.stub(env, EntityActivities.class), SimWorker.stub(env, VmActivities.class));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRejectedBeforeAnythingReachesVSphere(BadRequest request, Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    assertThatThrownBy(() -> request.call().accept(stubs))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("nothing was sent to vSphere").contains(request.problems());
        });
    proof.assertNoChange();
  }
}
