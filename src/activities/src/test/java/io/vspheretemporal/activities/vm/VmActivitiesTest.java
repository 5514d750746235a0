package io.vspheretemporal.activities.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineConfigSpec;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.Await;
import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.inventory.Inventory;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.RelocateVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import io.vspheretemporal.testing.control.SimHost;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each VM operation returns its typed result and has its effect, as the simulator's control API
 * shows it. The simulator lives for the whole class, so each test works on VMs of its own.
 */
@VcSim(taskMillis = 500)
class VmActivitiesTest {
  static final long KB_PER_GB = 1024L * 1024L;

  static SimWorker worker;
  TestActivityEnvironment env;
  VmActivities vms;
  SimRefs refs;
  final List<TaskProgress> beats = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    env = worker.environment();
    env.setActivityHeartbeatListener(TaskProgress.class, beats::add);
    vms = SimWorker.stub(env, VmActivities.class);
    refs = new SimRefs(sim);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** A powered-off copy of a cluster VM (one disk, one NIC on the model's portgroup) for one test. */
  MoRef copy(String name) {
    return vms.cloneVm(CloneVmRequest.of(refs.vm(SimRefs.CLUSTER_VM), refs.vmFolder(), name, null));
  }

  static SimVm simVm(Simulator sim, String name) {
    return sim.control().vm(name).orElseThrow(() -> new AssertionError("the simulator has no VM " + name));
  }

  static ApplicationFailure failure(Runnable call) {
    ActivityFailure f = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(f).as("the call should fail").isNotNull();
    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) f.getCause();
  }

  @Test
  void createVmReturnsTheNewVmStampedWithTheStepsKey(Simulator sim) throws Exception {
    CreateVmRequest request = new CreateVmRequest(refs.vmFolder(), "created-01", refs.clusterPool(), refs.datastore(),
        null, "ubuntu64Guest", 2, 2048);

    MoRef vm = vms.createVm(request);

    SimVm created = simVm(sim, "created-01");
    assertThat(vm.type()).isEqualTo(MoRef.VIRTUAL_MACHINE);
    assertThat(vm.value()).isEqualTo(created.ref());
    assertThat(vm.name()).isEqualTo("created-01");
    assertThat(vm.vcenter()).isEqualTo("sim");
    assertThat(created.numCpu()).isEqualTo(2);
    assertThat(created.memoryMB()).isEqualTo(2048);
    assertThat(created.folder()).isEqualTo(refs.vmFolder().value());
    assertThat(created.resourcePool()).isEqualTo(refs.clusterPool().value());
    // The key a retried attempt's probe looks for: the one this step heartbeat.
    List<String> keys = beats.stream().map(TaskProgress::operationKey).distinct().toList();
    assertThat(keys).singleElement().asString().matches(".+/.+#[0-9a-f]{12}");
    assertThat(Inventory.extraConfig(worker.session(), Refs.vim(vm), VmSpecs.OPERATION_KEY)).contains(keys.get(0));
    assertThat(sim.control().counters().calls("CreateVM_Task")).isEqualTo(1);
  }

  @Test
  void cloneOfATemplateWithAStaticIpPowersOnAndTheGuestReportsThatIp(Simulator sim) {
    GuestCustomization linux = GuestCustomization.linuxStatic("web-01", "example.com", "192.168.40.21",
        "255.255.255.0", "192.168.40.1", List.of("192.168.40.2"));
    CloneVmRequest request = CloneVmRequest.of(refs.template("tmpl-ubuntu"), refs.vmFolder(), "web-01",
        refs.clusterPool()).withCustomization(linux).poweredOn();

    MoRef vm = vms.cloneVm(request);

    SimVm clone = simVm(sim, "web-01");
    assertThat(vm.value()).isEqualTo(clone.ref());
    assertThat(vm.name()).isEqualTo("web-01");
    assertThat(clone.template()).isFalse();
    assertThat(clone.powerState()).isEqualTo("poweredOn");
    assertThat(clone.folder()).isEqualTo(refs.vmFolder().value());
    assertThat(clone.resourcePool()).isEqualTo(refs.clusterPool().value());
    SimVm booted = Await.until("the guest reports an IP", Duration.ofSeconds(10),
        () -> simVm(sim, "web-01"), v -> v.ipAddress() != null && !v.ipAddress().isEmpty());
    assertThat(booted.ipAddress()).isEqualTo("192.168.40.21");
    assertThat(simVm(sim, "tmpl-ubuntu").template()).as("the template stays a template").isTrue();
  }

  @Test
  void reconfigureChangesCpuAndMemory(Simulator sim) {
    MoRef vm = copy("reconf-cpu");
    SimVm before = simVm(sim, "reconf-cpu");
    assertThat(before.numCpu()).isNotEqualTo(4);
    assertThat(before.memoryMB()).isNotEqualTo(3072);

    vms.reconfigureVm(ReconfigureVmRequest.cpuAndMemory(vm, 4, 3072));

    SimVm after = simVm(sim, "reconf-cpu");
    assertThat(after.numCpu()).isEqualTo(4);
    assertThat(after.memoryMB()).isEqualTo(3072);
  }

  @Test
  void diskGbGrowsTheFirstDisk() throws Exception {
    MoRef vm = copy("reconf-disk");
    VirtualDisk before = Hardware.of(worker.session(), vm).firstDisk().orElseThrow();
    assertThat(before.getCapacityInKB()).isLessThan(3 * KB_PER_GB);

    vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, 3L, null));

    VirtualDisk after = Hardware.of(worker.session(), vm).firstDisk().orElseThrow();
    assertThat(after.getKey()).as("the same disk").isEqualTo(before.getKey());
    assertThat(after.getCapacityInKB()).isEqualTo(3 * KB_PER_GB);
  }

  @Test
  void aDiskSmallerThanTheVmsFailsInvalidRequestNamingBothSizes(Simulator sim) throws Exception {
    MoRef vm = copy("reconf-shrink");
    vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, 4L, null));

    ApplicationFailure f = failure(() -> vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, 2L, null)));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("diskGb 2", "4 GB", "reconf-shrink");
    assertThat(Hardware.of(worker.session(), vm).firstDisk().orElseThrow().getCapacityInKB()).isEqualTo(4 * KB_PER_GB);
    assertThat(sim.control().counters().calls("ReconfigVM_Task")).as("only the growing one").isEqualTo(1);
  }

  @Test
  void aRefusedShrinkNamesTheExactSizeOfADiskThatIsNotWholeGb() throws Exception {
    MoRef vm = copy("reconf-odd-disk");
    long kb = 3 * KB_PER_GB / 2;
    setFirstDiskKb(vm, kb);

    ApplicationFailure f = failure(() -> vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, 1L, null)));

    assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    // Not "smaller than the 1 GB disk": the disk is 1.5 GB.
    assertThat(f.getOriginalMessage()).contains("diskGb 1", "1.50 GB", kb + " KB");
  }

  /** Sets the first disk's size with a ReconfigVM_Task of our own: the activity only takes whole GB. */
  void setFirstDiskKb(MoRef vm, long kb) throws Exception {
    VirtualDisk disk = Hardware.of(worker.session(), vm).firstDisk().orElseThrow();
    disk.setCapacityInKB(kb);
    VirtualDeviceConfigSpec change = new VirtualDeviceConfigSpec();
    change.setOperation(VirtualDeviceConfigSpecOperation.edit);
    change.setDevice(disk);
    VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
    spec.setDeviceChange(new VirtualDeviceConfigSpec[] {change});
    worker.session().call((p, c) -> p.reconfigVM_Task(Refs.vim(vm), spec));
    Await.until("the disk has " + kb + " KB", Duration.ofSeconds(10), () -> firstDiskKb(vm), size -> size == kb);
  }

  static long firstDiskKb(MoRef vm) {
    try {
      return Hardware.of(worker.session(), vm).firstDisk().orElseThrow().getCapacityInKB();
    } catch (RemoteException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theFirstNicMovesToTheStandardNetworkAndBackToThePortgroup(Simulator sim) throws Exception {
    MoRef vm = copy("reconf-net");
    MoRef vmNetwork = refs.object("Network", "VM Network");
    MoRef portgroup = refs.object("DistributedVirtualPortgroup", "DC0_DVPG0");
    assertThat(Hardware.of(worker.session(), vm).firstNic().orElseThrow().getBacking())
        .as("the model's VMs start on the portgroup")
        .isInstanceOf(VirtualEthernetCardDistributedVirtualPortBackingInfo.class);

    vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, null, vmNetwork));

    assertThat(Hardware.of(worker.session(), vm).firstNic().orElseThrow().getBacking())
        .isInstanceOfSatisfying(VirtualEthernetCardNetworkBackingInfo.class, b -> {
          assertThat(b.getNetwork().getVal()).isEqualTo(vmNetwork.value());
          assertThat(b.getDeviceName()).isEqualTo("VM Network");
        });

    vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, null, portgroup));

    String portgroupKey = (String) Properties.read(worker.session(), Refs.vim(portgroup), "key").orElseThrow().get("key");
    assertThat(Hardware.of(worker.session(), vm).firstNic().orElseThrow().getBacking())
        .isInstanceOfSatisfying(VirtualEthernetCardDistributedVirtualPortBackingInfo.class,
            b -> assertThat(b.getPort().getPortgroupKey()).isEqualTo(portgroupKey));
    assertThat(sim.control().counters().calls("ReconfigVM_Task")).isEqualTo(2);
  }

  @Test
  void aVmWithoutDiskOrNicCannotHaveThemChanged(Simulator sim) {
    // CreateVM_Task with our spec makes a VM without devices.
    MoRef vm = vms.createVm(new CreateVmRequest(refs.vmFolder(), "bare-01", refs.clusterPool(), refs.datastore(),
        null, "otherGuest", 1, 512));

    ApplicationFailure disk = failure(() -> vms.reconfigureVm(new ReconfigureVmRequest(vm, null, null, 10L, null)));
    ApplicationFailure nic = failure(() -> vms.reconfigureVm(
        new ReconfigureVmRequest(vm, null, null, null, refs.object("Network", "VM Network"))));

    assertThat(disk.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(disk.isNonRetryable()).isTrue();
    assertThat(disk.getOriginalMessage()).contains("bare-01", "no virtual disk");
    assertThat(nic.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(nic.getOriginalMessage()).contains("bare-01", "no network adapter");
    assertThat(sim.control().counters().calls("ReconfigVM_Task")).isZero();
  }

  @Test
  void relocateMovesTheVmToAnotherHostOfTheCluster(Simulator sim) {
    MoRef vm = copy("relocate-01");
    String from = simVm(sim, "relocate-01").host();
    assertThat(from).as("the copy runs on a host").isNotEmpty();
    SimHost target = sim.control().hosts().stream()
        .filter(h -> h.parent().equals(refs.cluster().value()) && !h.ref().equals(from))
        .findFirst().orElseThrow();

    vms.relocateVm(new RelocateVmRequest(vm, null, refs.host(target.name()), null, null));

    assertThat(simVm(sim, "relocate-01").host()).isEqualTo(target.ref()).isNotEqualTo(from);
    assertThat(sim.control().counters().calls("RelocateVM_Task")).isEqualTo(1);
  }

  @Test
  void powerOperationsChangeThePowerState(Simulator sim) throws Exception {
    MoRef vm = copy("power-01");
    assertThat(simVm(sim, "power-01").powerState()).isEqualTo("poweredOff");

    vms.powerOnVm(vm);
    assertThat(simVm(sim, "power-01").powerState()).isEqualTo("poweredOn");
    Calendar booted = bootTime(vm);

    vms.resetVm(vm);
    assertThat(simVm(sim, "power-01").powerState()).isEqualTo("poweredOn");
    assertThat(bootTime(vm)).as("a reset boots the VM again").isGreaterThan(booted);

    vms.suspendVm(vm);
    assertThat(simVm(sim, "power-01").powerState()).isEqualTo("suspended");

    vms.powerOffVm(vm);
    assertThat(simVm(sim, "power-01").powerState()).isEqualTo("poweredOff");
  }

  Calendar bootTime(MoRef vm) throws Exception {
    Object value = Properties.read(worker.session(), Refs.vim(vm), "summary.runtime.bootTime").orElseThrow()
        .get("summary.runtime.bootTime");
    assertThat(value).as("bootTime of a powered-on VM").isInstanceOf(Calendar.class);
    return (Calendar) value;
  }

  @Test
  void powerOnOfAPoweredOnVmFailsWithVSpheresFault(Simulator sim) {
    MoRef vm = copy("power-twice");
    vms.powerOnVm(vm);
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> vms.powerOnVm(vm));

    SimTask failed = sim.control().tasks().stream()
        .filter(t -> t.name().equals("PowerOnVM_Task") && "error".equals(t.state()))
        .filter(t -> t.entity().equals(vm.value()))
        .findFirst().orElseThrow();
    assertThat(failed.error()).startsWith("InvalidPowerState: ");
    assertThat(f.getType()).isEqualTo("InvalidPowerState");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).isEqualTo(failed.error().substring("InvalidPowerState: ".length()));
    assertThat(simVm(sim, "power-twice").powerState()).isEqualTo("poweredOn");
    proof.assertRefusedOnce("PowerOnVM_Task");
  }
}
