package io.vspheretemporal.activities.vm;

import static io.vspheretemporal.activities.ProbeAssert.assertDone;
import static io.vspheretemporal.activities.ProbeAssert.assertDoneWith;
import static io.vspheretemporal.activities.ProbeAssert.assertNotDone;
import static io.vspheretemporal.activities.vm.VmOperations.CLONE;
import static io.vspheretemporal.activities.vm.VmOperations.CREATE;
import static io.vspheretemporal.activities.vm.VmOperations.POWER_OFF;
import static io.vspheretemporal.activities.vm.VmOperations.POWER_ON;
import static io.vspheretemporal.activities.vm.VmOperations.RECONFIGURE;
import static io.vspheretemporal.activities.vm.VmOperations.RELOCATE;
import static io.vspheretemporal.activities.vm.VmOperations.RESET;
import static io.vspheretemporal.activities.vm.VmOperations.SUSPEND;
import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.RelocateVmRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimHost;
import java.rmi.RemoteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each VM probe tells, without the task, whether the work happened: not before it, yes after. */
@VcSim(taskMillis = 500)
class VmProbesTest {
  static SimWorker worker;
  OperationContext ctx;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void context(Simulator sim) {
    ctx = worker.context("vt-vm-probe-test", SecretResolver.none());
    refs = new SimRefs(sim);
  }

  <Q> ProbeResult probe(Operation<Q, ?> op, Q request) throws RemoteException {
    return op.probe().probe(ctx, request);
  }

  <Q> void run(Operation<Q, ?> op, Q request) throws Exception {
    TaskSnapshot task = worker.submitAndWait(op, request, ctx);
    assertThat(task.succeeded()).as(op.name() + " succeeded: " + task.faultMessage()).isTrue();
  }

  /** A powered-off copy of a cluster VM, made by a step with another key. */
  MoRef copy(String name) throws Exception {
    TaskSnapshot task = worker.submitAndWait(CLONE, clone(name), worker.context("vt-setup-" + name, null));
    assertThat(task.succeeded()).isTrue();
    return SimVCenter.ref(MoRef.VIRTUAL_MACHINE, ((ManagedObjectReference) task.result()).getVal(), name);
  }

  CloneVmRequest clone(String name) {
    return CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), name, null);
  }

  @Test
  void powerProbesFollowThePowerState() throws Exception {
    MoRef vm = copy("probe-power");
    assertNotDone(probe(POWER_ON, vm));
    assertDone(probe(POWER_OFF, vm));
    assertNotDone(probe(SUSPEND, vm));

    run(POWER_ON, vm);
    assertDone(probe(POWER_ON, vm));
    assertNotDone(probe(POWER_OFF, vm));

    run(SUSPEND, vm);
    assertDone(probe(SUSPEND, vm));
    assertNotDone(probe(POWER_ON, vm));

    run(POWER_OFF, vm);
    assertDone(probe(POWER_OFF, vm));
  }

  @Test
  void aPowerProbeOfAVmVSphereDoesNotKnowSaysNotDone() throws Exception {
    // Submitting then reports vSphere's own fault for the missing VM.
    assertNotDone(probe(POWER_ON, SimVCenter.ref(MoRef.VIRTUAL_MACHINE, "vm-999999", "gone")));
  }

  @Test
  void reconfigureIsDoneOnlyWhenEveryRequestedValueMatches() throws Exception {
    MoRef vm = copy("probe-reconf");
    MoRef vmNetwork = refs.object("Network", "VM Network");
    ReconfigureVmRequest all = new ReconfigureVmRequest(vm, 3, 3072L, 2L, vmNetwork);
    assertNotDone(probe(RECONFIGURE, all));

    run(RECONFIGURE, ReconfigureVmRequest.cpuAndMemory(vm, 3, 3072));
    assertDone(probe(RECONFIGURE, ReconfigureVmRequest.cpuAndMemory(vm, 3, 3072)));
    assertNotDone(probe(RECONFIGURE, ReconfigureVmRequest.cpuAndMemory(vm, 3, 4096)));
    assertNotDone(probe(RECONFIGURE, all));

    run(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, 2L, null));
    assertNotDone(probe(RECONFIGURE, all));

    run(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, vmNetwork));
    assertDone(probe(RECONFIGURE, all));
    assertNotDone(probe(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, 3L, null)));
  }

  @Test
  void reconfigureRecognisesAPortgroupBacking() throws Exception {
    MoRef vm = copy("probe-portgroup");
    MoRef portgroup = refs.object("DistributedVirtualPortgroup", "DC0_DVPG0");
    MoRef vmNetwork = refs.object("Network", "VM Network");
    // The model's VMs start on the portgroup.
    assertDone(probe(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, portgroup)));
    assertNotDone(probe(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, vmNetwork)));

    run(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, vmNetwork));
    assertNotDone(probe(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, portgroup)));

    run(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, portgroup));
    assertDone(probe(RECONFIGURE, new ReconfigureVmRequest(vm, null, null, null, portgroup)));
  }

  @Test
  void relocateIsDoneOnceTheVmIsWhereTheRequestSays(Simulator sim) throws Exception {
    MoRef vm = copy("probe-relocate");
    String from = sim.control().vm("probe-relocate").orElseThrow().host();
    SimHost other = sim.control().hosts().stream()
        .filter(h -> h.parent().equals(refs.cluster().value()) && !h.ref().equals(from))
        .findFirst().orElseThrow();
    RelocateVmRequest there = new RelocateVmRequest(vm, refs.clusterPool(), refs.host(other.name()), refs.datastore(), null);
    RelocateVmRequest here = new RelocateVmRequest(vm, null, SimVCenter.ref(MoRef.HOST_SYSTEM, from, null), null, null);
    assertNotDone(probe(RELOCATE, there));
    assertDone(probe(RELOCATE, here));

    run(RELOCATE, there);

    assertDone(probe(RELOCATE, there));
    assertNotDone(probe(RELOCATE, here));
  }

  @Test
  void createIsDoneOnlyWithAVmOfThatNameCarryingTheStepsKey(Simulator sim) throws Exception {
    CreateVmRequest request = new CreateVmRequest(refs.vmFolder(), "probe-created", refs.clusterPool(),
        refs.datastore(), null, "otherGuest", 1, 256);
    assertNotDone(probe(CREATE, request));

    run(CREATE, request);

    String created = sim.control().vm("probe-created").orElseThrow().ref();
    assertDoneWith(probe(CREATE, request), MoRef.VIRTUAL_MACHINE, created);
    // Another step's probe: the same VM is not its work.
    assertNotDone(CREATE.probe().probe(worker.context("vt-another-step", null), request));
  }

  @Test
  void createIsNotDoneForAModelVmOfThatNameWithoutAnyKey(Simulator sim) throws Exception {
    var existing = sim.control().vm(SimRefs.CLUSTER_VM).orElseThrow();
    assertThat(existing.folder()).as("the model's VM is in the folder").isEqualTo(refs.vmFolder().value());

    assertNotDone(probe(CREATE, new CreateVmRequest(refs.vmFolder(), SimRefs.CLUSTER_VM, refs.clusterPool(),
        refs.datastore(), null, "otherGuest", 1, 256)));
  }

  @Test
  void cloneIsDoneOnlyWithAVmOfThatNameCarryingTheStepsKey(Simulator sim) throws Exception {
    CloneVmRequest mine = clone("probe-clone-mine");
    assertNotDone(probe(CLONE, mine));
    // Another step made a VM of the name this step wants.
    CloneVmRequest taken = clone("probe-clone-taken");
    copy("probe-clone-taken");
    assertNotDone(probe(CLONE, taken));

    run(CLONE, mine);

    assertDoneWith(probe(CLONE, mine), MoRef.VIRTUAL_MACHINE, sim.control().vm("probe-clone-mine").orElseThrow().ref());
  }

  @Test
  void aResetLeavesNoTraceSoItsProbeCannotTell() throws Exception {
    assertThat(probe(RESET, refs.vm(SimRefs.CLUSTER_VM))).isInstanceOf(ProbeResult.Unknown.class);
  }
}
