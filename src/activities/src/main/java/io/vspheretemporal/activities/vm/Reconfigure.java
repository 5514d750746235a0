package io.vspheretemporal.activities.vm;

import static io.vspheretemporal.activities.vim.Refs.vim;

import com.vmware.vim25.ArrayOfVirtualDevice;
import com.vmware.vim25.DistributedVirtualSwitchPortConnection;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceBackingInfo;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineConfigSpec;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.runner.Failures;
import io.vspheretemporal.activities.session.VimCall;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** ReconfigVM_Task: CPU and memory, growing the first disk, and the first adapter's network. */
final class Reconfigure {
  private static final long KB_PER_GB = 1024L * 1024L;

  private Reconfigure() {}

  static List<String> check(ReconfigureVmRequest r) {
    Checks c = new Checks().ref("vm", r.vm(), MoRef.VIRTUAL_MACHINE)
        .positive("numCpus", r.numCpus())
        .positive("memoryMb", r.memoryMb())
        .positive("diskGb", r.diskGb())
        .optionalRef("network", r.network(), "Network", "DistributedVirtualPortgroup");
    if (r.memoryMb() != null && r.memoryMb() % 4 != 0) {
      c.problem("memoryMb " + r.memoryMb() + " is not a multiple of 4 MB");
    }
    if (r.numCpus() == null && r.memoryMb() == null && r.diskGb() == null && r.network() == null) {
      c.problem("nothing to change: set numCpus, memoryMb, diskGb or network");
    }
    return c.problems();
  }

  static VimCall<ManagedObjectReference> submit(OperationContext ctx, ReconfigureVmRequest r) throws RemoteException {
    VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
    if (r.numCpus() != null) {
      spec.setNumCPUs(r.numCpus());
    }
    if (r.memoryMb() != null) {
      spec.setMemoryMB(r.memoryMb());
    }
    List<VirtualDeviceConfigSpec> changes = new ArrayList<>();
    if (r.diskGb() != null || r.network() != null) {
      VirtualDevice[] devices = devices(ctx, r.vm());
      if (r.diskGb() != null) {
        VirtualDisk disk = first(devices, VirtualDisk.class, r.vm(), "virtual disk");
        long wanted = r.diskGb() * KB_PER_GB;
        if (wanted < disk.getCapacityInKB()) {
          throw Failures.nonRetryable(FailureTypes.INVALID_REQUEST, "diskGb " + r.diskGb() + " is smaller than the "
              + size(disk.getCapacityInKB()) + " disk of " + r.vm().label() + "; disks only grow");
        }
        if (wanted > disk.getCapacityInKB()) {
          disk.setCapacityInKB(wanted);
          changes.add(edit(disk));
        }
      }
      if (r.network() != null) {
        VirtualEthernetCard nic = first(devices, VirtualEthernetCard.class, r.vm(), "network adapter");
        nic.setBacking(backing(ctx, r.network()));
        changes.add(edit(nic));
      }
    }
    if (!changes.isEmpty()) {
      spec.setDeviceChange(changes.toArray(VirtualDeviceConfigSpec[]::new));
    }
    return (p, c) -> p.reconfigVM_Task(vim(r.vm()), spec);
  }

  /** A disk's capacity as a user compares it with diskGb: whole GB, or GB to two places with the exact KB. */
  static String size(long kb) {
    if (kb % KB_PER_GB == 0) {
      return kb / KB_PER_GB + " GB";
    }
    return String.format(Locale.ROOT, "%.2f GB (%d KB)", kb / (double) KB_PER_GB, kb);
  }

  /** Done when the VM already has everything the request asks for. */
  static ProbeResult probe(OperationContext ctx, ReconfigureVmRequest r) throws RemoteException {
    Optional<Map<String, Object>> props = Properties.read(ctx.session(), vim(r.vm()),
        "config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device");
    if (props.isEmpty()) {
      return ProbeResult.notDone();
    }
    Map<String, Object> p = props.get();
    boolean done = (r.numCpus() == null || Objects.equals(p.get("config.hardware.numCPU"), r.numCpus()))
        && (r.memoryMb() == null || Objects.equals(toLong(p.get("config.hardware.memoryMB")), r.memoryMb()));
    VirtualDevice[] devices = devices(p.get("config.hardware.device"));
    if (done && r.diskGb() != null) {
      VirtualDisk disk = firstOrNull(devices, VirtualDisk.class);
      done = disk != null && disk.getCapacityInKB() >= r.diskGb() * KB_PER_GB;
    }
    if (done && r.network() != null) {
      VirtualEthernetCard nic = firstOrNull(devices, VirtualEthernetCard.class);
      done = nic != null && connectedTo(ctx, nic.getBacking(), r.network());
    }
    return done ? ProbeResult.done(null) : ProbeResult.notDone();
  }

  /**
   * Whether a NIC's backing is the network or portgroup. A portgroup backing names the portgroup
   * by its key and switch, not by its managed object, so those are what must match.
   */
  private static boolean connectedTo(OperationContext ctx, VirtualDeviceBackingInfo backing, MoRef network)
      throws RemoteException {
    if (isPortgroup(network)) {
      Optional<PortgroupPort> port = PortgroupPort.read(ctx, network);
      return port.isPresent() && backing instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo b
          && b.getPort() != null && port.get().matches(b.getPort());
    }
    return backing instanceof VirtualEthernetCardNetworkBackingInfo b
        && b.getNetwork() != null && network.value().equals(b.getNetwork().getVal());
  }

  private static boolean isPortgroup(MoRef network) {
    return "DistributedVirtualPortgroup".equals(network.type());
  }

  /** How a NIC's backing addresses a distributed portgroup: the portgroup's key and its switch's UUID. */
  private record PortgroupPort(String portgroupKey, String switchUuid) {
    /** Empty when vSphere does not know the portgroup. */
    static Optional<PortgroupPort> read(OperationContext ctx, MoRef portgroup) throws RemoteException {
      Optional<Map<String, Object>> pg = Properties.read(ctx.session(), vim(portgroup), "key",
          "config.distributedVirtualSwitch");
      if (pg.isEmpty()) {
        return Optional.empty();
      }
      ManagedObjectReference dvs = (ManagedObjectReference) pg.get().get("config.distributedVirtualSwitch");
      String uuid = (String) Properties.read(ctx.session(), dvs, "uuid").orElse(Map.of()).get("uuid");
      return Optional.of(new PortgroupPort((String) pg.get().get("key"), uuid));
    }

    boolean matches(DistributedVirtualSwitchPortConnection port) {
      return Objects.equals(portgroupKey, port.getPortgroupKey()) && Objects.equals(switchUuid, port.getSwitchUuid());
    }

    DistributedVirtualSwitchPortConnection connection() {
      DistributedVirtualSwitchPortConnection port = new DistributedVirtualSwitchPortConnection();
      port.setPortgroupKey(portgroupKey);
      port.setSwitchUuid(switchUuid);
      return port;
    }
  }

  private static Long toLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  private static VirtualDevice[] devices(OperationContext ctx, MoRef vm) throws RemoteException {
    Map<String, Object> props = Properties.read(ctx.session(), vim(vm), "config.hardware.device").orElse(Map.of());
    return devices(props.get("config.hardware.device"));
  }

  private static VirtualDevice[] devices(Object value) {
    if (value instanceof ArrayOfVirtualDevice a && a.getVirtualDevice() != null) {
      return a.getVirtualDevice();
    }
    return value instanceof VirtualDevice[] arr ? arr : new VirtualDevice[0];
  }

  private static <T extends VirtualDevice> T first(VirtualDevice[] devices, Class<T> kind, MoRef vm, String what) {
    T found = firstOrNull(devices, kind);
    if (found == null) {
      throw Failures.nonRetryable(FailureTypes.INVALID_REQUEST, vm.label() + " has no " + what + " to change");
    }
    return found;
  }

  private static <T extends VirtualDevice> T firstOrNull(VirtualDevice[] devices, Class<T> kind) {
    for (VirtualDevice d : devices) {
      if (kind.isInstance(d)) {
        return kind.cast(d);
      }
    }
    return null;
  }

  private static VirtualDeviceConfigSpec edit(VirtualDevice device) {
    VirtualDeviceConfigSpec change = new VirtualDeviceConfigSpec();
    change.setOperation(VirtualDeviceConfigSpecOperation.edit);
    change.setDevice(device);
    return change;
  }

  private static VirtualDeviceBackingInfo backing(OperationContext ctx, MoRef network) throws RemoteException {
    if (isPortgroup(network)) {
      PortgroupPort port = PortgroupPort.read(ctx, network)
          .orElseThrow(() -> Failures.nonRetryable(FailureTypes.NOT_FOUND, "portgroup " + network.label() + " does not exist"));
      VirtualEthernetCardDistributedVirtualPortBackingInfo b = new VirtualEthernetCardDistributedVirtualPortBackingInfo();
      b.setPort(port.connection());
      return b;
    }
    String name = (String) Properties.read(ctx.session(), vim(network), "name")
        .orElseThrow(() -> Failures.nonRetryable(FailureTypes.NOT_FOUND, "network " + network.label() + " does not exist"))
        .get("name");
    VirtualEthernetCardNetworkBackingInfo b = new VirtualEthernetCardNetworkBackingInfo();
    b.setDeviceName(name);
    b.setNetwork(vim(network));
    return b;
  }
}
