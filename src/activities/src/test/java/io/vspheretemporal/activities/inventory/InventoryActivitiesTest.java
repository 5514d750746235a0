package io.vspheretemporal.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ResourceAllocationInfo;
import com.vmware.vim25.ResourceConfigSpec;
import com.vmware.vim25.SharesInfo;
import com.vmware.vim25.SharesLevel;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.inventory.InventoryActivities;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.inventory.VmState;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimObject;
import io.vspheretemporal.testing.control.SimVm;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@VcSim
class InventoryActivitiesTest {
  static final String CHILD_POOL = "rp-web";

  static VCenters vcenters;
  TestActivityEnvironment env;
  InventoryActivities inventory;

  @BeforeAll
  static void connect(Simulator sim) throws RemoteException {
    vcenters = SimVCenter.vcenters(sim, SessionListener.NONE);
    createChildPool(new SimRefs(sim).clusterPool());
  }

  @AfterAll
  static void close() {
    vcenters.close();
  }

  @BeforeEach
  void start() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new InventoryActivitiesImpl(vcenters));
    inventory = env.newActivityStub(InventoryActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(2))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void everyKindIsFoundByInventoryPath(Simulator sim) {
    SimRefs refs = new SimRefs(sim);
    assertThat(inventory.findVm(at("DC0/vm/DC0_H0_VM0"))).isEqualTo(refs.vm("DC0_H0_VM0")).satisfies(named("DC0_H0_VM0"));
    assertThat(inventory.findTemplate(at("DC0/vm/tmpl-ubuntu"))).isEqualTo(refs.vm("tmpl-ubuntu"))
        .satisfies(named("tmpl-ubuntu"));
    assertThat(inventory.findFolder(at("DC0/vm"))).isEqualTo(refs.vmFolder()).satisfies(named("vm"));
    assertThat(inventory.findResourcePool(at("DC0/host/DC0_C0/Resources"))).isEqualTo(refs.clusterPool())
        .satisfies(named("Resources"));
    assertThat(inventory.findResourcePool(at("DC0/host/DC0_C0/Resources/" + CHILD_POOL)))
        .isEqualTo(refs.object("ResourcePool", CHILD_POOL)).satisfies(named(CHILD_POOL));
    assertThat(inventory.findDatastore(at("DC0/datastore/LocalDS_0"))).isEqualTo(refs.datastore())
        .satisfies(named("LocalDS_0"));
    assertThat(inventory.findNetwork(at("DC0/network/VM Network"))).isEqualTo(refs.object("Network", "VM Network"))
        .satisfies(named("VM Network"));
    assertThat(inventory.findNetwork(at("DC0/network/DC0_DVPG0")))
        .isEqualTo(refs.object("DistributedVirtualPortgroup", "DC0_DVPG0")).satisfies(named("DC0_DVPG0"));
    assertThat(inventory.findHost(at("DC0/host/DC0_C0/DC0_C0_H1"))).isEqualTo(refs.host("DC0_C0_H1"))
        .satisfies(named("DC0_C0_H1"));
    assertThat(inventory.findCluster(at("DC0/host/DC0_C0"))).isEqualTo(refs.cluster()).satisfies(named("DC0_C0"));
  }

  @Test
  void everyKindIsFoundByItsUniqueName(Simulator sim) {
    SimRefs refs = new SimRefs(sim);
    assertThat(inventory.findVm(at("DC0_C0_RP0_VM1"))).isEqualTo(refs.vm("DC0_C0_RP0_VM1"))
        .satisfies(named("DC0_C0_RP0_VM1"));
    assertThat(inventory.findTemplate(at("tmpl-windows"))).isEqualTo(refs.vm("tmpl-windows"))
        .satisfies(named("tmpl-windows"));
    assertThat(inventory.findFolder(at("network"))).isEqualTo(refs.object("Folder", "network"))
        .satisfies(named("network"));
    assertThat(inventory.findResourcePool(at(CHILD_POOL))).isEqualTo(refs.object("ResourcePool", CHILD_POOL));
    assertThat(inventory.findDatastore(at("LocalDS_0"))).isEqualTo(refs.datastore());
    assertThat(inventory.findNetwork(at("VM Network"))).isEqualTo(refs.object("Network", "VM Network"));
    assertThat(inventory.findNetwork(at("DC0_DVPG0"))).isEqualTo(refs.object("DistributedVirtualPortgroup", "DC0_DVPG0"))
        .satisfies(r -> assertThat(r.type()).isEqualTo("DistributedVirtualPortgroup"));
    assertThat(inventory.findCluster(at("DC0_C0"))).isEqualTo(refs.cluster()).satisfies(named("DC0_C0"));
    // DC0_H0 names both a standalone host and its ComputeResource: the search stays within the kind.
    assertThat(sim.control().objects("ComputeResource")).extracting(SimObject::name).contains("DC0_H0");
    assertThat(inventory.findHost(at("DC0_H0"))).isEqualTo(refs.host("DC0_H0")).satisfies(named("DC0_H0"));
  }

  @Test
  void aNameSearchDestroysTheContainerViewItCreated(Simulator sim) {
    inventory.findHost(at("DC0_C0_H2"));
    inventory.findCluster(at("DC0_C0"));

    assertThat(sim.control().counters().calls("CreateContainerView")).isEqualTo(2);
    assertThat(sim.control().counters().calls("DestroyView")).isEqualTo(2);
  }

  @Test
  void aPathToAnotherKindIsRejectedSayingWhatIsThere() {
    ApplicationFailure folder = failure(() -> inventory.findVm(at("DC0/vm")));
    assertThat(folder.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(folder.isNonRetryable()).isTrue();
    assertThat(folder.getOriginalMessage()).contains("'DC0/vm'", "a Folder", "not a VM");

    ApplicationFailure template = failure(() -> inventory.findVm(at("DC0/vm/tmpl-ubuntu")));
    assertThat(template.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(template.getOriginalMessage()).contains("a template", "use FindTemplate");

    ApplicationFailure vm = failure(() -> inventory.findTemplate(at("DC0/vm/DC0_H0_VM1")));
    assertThat(vm.getOriginalMessage()).contains("a VM", "not a template", "use FindVm");

    ApplicationFailure standalone = failure(() -> inventory.findCluster(at("DC0/host/DC0_H0")));
    assertThat(standalone.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(standalone.getOriginalMessage()).contains("a ComputeResource", "not a cluster");
  }

  @Test
  void aNameOfTheOtherVmKindIsNotFoundWithAHint() {
    ApplicationFailure f = failure(() -> inventory.findVm(at("tmpl-ubuntu")));

    assertThat(f.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("no VM named 'tmpl-ubuntu' on vCenter 'sim'", "a template",
        "use FindTemplate");
  }

  @Test
  void aMissingNameOrPathIsNotFoundNamingWhatWasLookedFor(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ApplicationFailure byName = failure(() -> inventory.findTemplate(at("tmpl-x")));
    assertThat(byName.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(byName.isNonRetryable()).isTrue();
    assertThat(byName.getOriginalMessage()).startsWith("no template named 'tmpl-x' on vCenter 'sim'");

    ApplicationFailure byPath = failure(() -> inventory.findDatastore(at("DC0/datastore/nope")));
    assertThat(byPath.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(byPath.isNonRetryable()).isTrue();
    assertThat(byPath.getOriginalMessage()).contains("no datastore at inventory path 'DC0/datastore/nope' on vCenter 'sim'");
    proof.assertNoChange();
  }

  @Test
  void aNameTwoObjectsShareIsRejectedListingTheirPaths(Simulator sim) {
    // Every cluster and standalone host has a root pool named Resources, as in a real vCenter.
    ApplicationFailure f = failure(() -> inventory.findResourcePool(at("Resources")));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(f.isNonRetryable()).isTrue();
    String standalonePool = sim.control().objects("ResourcePool").stream()
        .filter(o -> o.parent().startsWith("computeresource")).findFirst().orElseThrow().ref();
    assertThat(f.getOriginalMessage()).contains("2 resource pools are named 'Resources' on vCenter 'sim'",
        "DC0/host/DC0_C0/Resources (" + new SimRefs(sim).clusterPool().value() + ")",
        "DC0/host/DC0_H0/Resources (" + standalonePool + ")", "inventory path");
  }

  @Test
  void anUnknownHostIsNotFoundNamingItAndHowToName(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> inventory.findHost(at("esx-nope.example.com")));

    assertThat(f.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).startsWith("no host named 'esx-nope.example.com' on vCenter 'sim' (names are case-sensitive;");
    proof.assertNoChange();
  }

  @Test
  void anUnknownVCenterOrAnEmptyLookupIsRejected(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);
    ApplicationFailure unknown = failure(() -> inventory.findHost(InventoryLookup.of("nope", "DC0_H0")));
    assertThat(unknown.getType()).isEqualTo(FailureTypes.UNKNOWN_VCENTER);
    assertThat(unknown.isNonRetryable()).isTrue();
    assertThat(unknown.getOriginalMessage()).contains("'nope'", "sim");

    ApplicationFailure empty = failure(() -> inventory.findFolder(InventoryLookup.of(SimVCenter.NAME, " ")));
    assertThat(empty.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(empty.isNonRetryable()).isTrue();
    assertThat(empty.getOriginalMessage()).contains("FindFolder", "pathOrName is required");
    proof.assertNotContacted();
  }

  @Test
  void getVmStateReadsWhatTheSimulatorShows(Simulator sim) {
    SimVm vm = sim.control().vm("DC0_C0_RP0_VM0").orElseThrow();
    VmState state = inventory.getVmState(MoRef.of(SimVCenter.NAME, MoRef.VIRTUAL_MACHINE, vm.ref()));

    assertThat(state.present()).isTrue();
    assertThat(state.name()).isEqualTo(vm.name());
    assertThat(state.vm().name()).isEqualTo(vm.name());
    assertThat(state.powerState()).isEqualTo(vm.powerState());
    assertThat(state.numCpus()).isEqualTo(vm.numCpu());
    assertThat(state.memoryMb()).isEqualTo(vm.memoryMB());
    assertThat(state.template()).isFalse();
    assertThat(state.toolsRunningStatus()).isEqualTo(vm.toolsRunningStatus());
    assertThat(state.ipAddress()).isEqualTo(vm.ipAddress());

    VmState template = inventory.getVmState(new SimRefs(sim).template("tmpl-ubuntu"));
    assertThat(template.template()).isTrue();
    assertThat(template.powerState()).isEqualTo("poweredOff");
  }

  @Test
  void getVmStateOfAnUnknownVmSaysItIsNotPresent() {
    MoRef unknown = MoRef.of(SimVCenter.NAME, MoRef.VIRTUAL_MACHINE, "vm-999999");

    assertThat(inventory.getVmState(unknown)).isEqualTo(VmState.gone(unknown));
  }

  static InventoryLookup at(String pathOrName) {
    return InventoryLookup.of(SimVCenter.NAME, pathOrName);
  }

  static java.util.function.Consumer<MoRef> named(String name) {
    return r -> assertThat(r.name()).isEqualTo(name);
  }

  static ApplicationFailure failure(Runnable call) {
    ActivityFailure f = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(f).as("the call should fail").isNotNull();
    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) f.getCause();
  }

  /** A child pool gives resource pools a unique name and a nested path to find. */
  static void createChildPool(MoRef parent) throws RemoteException {
    ResourceConfigSpec spec = new ResourceConfigSpec();
    spec.setCpuAllocation(allocation());
    spec.setMemoryAllocation(allocation());
    ManagedObjectReference pool = Refs.vim(parent);
    vcenters.session(SimVCenter.NAME).call((p, c) -> p.createResourcePool(pool, CHILD_POOL, spec));
  }

  static ResourceAllocationInfo allocation() {
    ResourceAllocationInfo a = new ResourceAllocationInfo();
    a.setReservation(0L);
    a.setLimit(-1L);
    a.setExpandableReservation(true);
    SharesInfo shares = new SharesInfo();
    shares.setLevel(SharesLevel.normal);
    shares.setShares(4000);
    a.setShares(shares);
    return a;
  }
}
