package io.vspheretemporal.activities.vm;

import static io.vspheretemporal.activities.vim.Refs.vim;
import static io.vspheretemporal.api.MoRef.VIRTUAL_MACHINE;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualMachineMovePriority;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.catalog.ResultType;
import io.vspheretemporal.activities.inventory.Inventory;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.CreateVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;
import io.vspheretemporal.api.vm.RelocateVmRequest;
import java.rmi.RemoteException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The virtual machine operations of the catalog. */
public final class VmOperations {
  private VmOperations() {}

  public static final Operation<CloneVmRequest, MoRef> CLONE = new Operation<>(
      "CloneVM_Task", VIRTUAL_MACHINE, true,
      ResultType.moRef(VIRTUAL_MACHINE, CloneVmRequest::name),
      CloneVmRequest::source,
      VmOperations::checkClone,
      (ctx, r) -> {
        var spec = VmSpecs.clone(ctx, r);
        return (p, c) -> p.cloneVM_Task(vim(r.source()), vim(r.folder()), r.name(), spec);
      },
      (ctx, r) -> createdVm(ctx, r.folder(), r.name()));

  public static final Operation<CreateVmRequest, MoRef> CREATE = new Operation<>(
      "CreateVM_Task", "Folder", false,
      ResultType.moRef(VIRTUAL_MACHINE, CreateVmRequest::name),
      CreateVmRequest::folder,
      VmOperations::checkCreate,
      (ctx, r) -> {
        String datastore = Properties.read(ctx.session(), vim(r.datastore()), "name")
            .map(m -> (String) m.get("name")).orElse(r.datastore().label());
        var spec = VmSpecs.create(ctx, r, datastore);
        return (p, c) -> p.createVM_Task(vim(r.folder()), spec, vim(r.resourcePool()), vim(r.host()));
      },
      (ctx, r) -> createdVm(ctx, r.folder(), r.name()));

  public static final Operation<ReconfigureVmRequest, Void> RECONFIGURE = new Operation<>(
      "ReconfigVM_Task", VIRTUAL_MACHINE, false,
      ResultType.none(),
      ReconfigureVmRequest::vm,
      Reconfigure::check,
      Reconfigure::submit,
      Reconfigure::probe);

  public static final Operation<RelocateVmRequest, Void> RELOCATE = new Operation<>(
      "RelocateVM_Task", VIRTUAL_MACHINE, true,
      ResultType.none(),
      RelocateVmRequest::vm,
      r -> new Checks().ref("vm", r.vm(), VIRTUAL_MACHINE)
          .optionalRef("resourcePool", r.resourcePool(), "ResourcePool")
          .optionalRef("host", r.host(), "HostSystem")
          .optionalRef("datastore", r.datastore(), "Datastore")
          .optionalRef("folder", r.folder(), "Folder")
          .problems(),
      (ctx, r) -> {
        var spec = VmSpecs.relocate(r);
        return (p, c) -> p.relocateVM_Task(vim(r.vm()), spec, VirtualMachineMovePriority.defaultPriority);
      },
      VmOperations::probeRelocate);

  public static final Operation<MoRef, Void> POWER_ON = power("PowerOnVM_Task", "poweredOn");
  public static final Operation<MoRef, Void> POWER_OFF = power("PowerOffVM_Task", "poweredOff");
  public static final Operation<MoRef, Void> SUSPEND = power("SuspendVM_Task", "suspended");

  public static final Operation<MoRef, Void> RESET = new Operation<>(
      "ResetVM_Task", VIRTUAL_MACHINE, false, ResultType.none(), vm -> vm,
      vm -> new Checks().ref("vm", vm, VIRTUAL_MACHINE).problems(),
      (ctx, vm) -> (p, c) -> p.resetVM_Task(vim(vm)),
      (ctx, vm) -> ProbeResult.unknown("a reset leaves no trace on the VM"));

  private static Operation<MoRef, Void> power(String name, String desiredState) {
    return new Operation<>(
        name, VIRTUAL_MACHINE, false, ResultType.none(), vm -> vm,
        vm -> new Checks().ref("vm", vm, VIRTUAL_MACHINE).problems(),
        (ctx, vm) -> (p, c) -> switch (name) {
          case "PowerOnVM_Task" -> p.powerOnVM_Task(vim(vm), null);
          case "PowerOffVM_Task" -> p.powerOffVM_Task(vim(vm));
          default -> p.suspendVM_Task(vim(vm));
        },
        (ctx, vm) -> {
          Optional<Map<String, Object>> props = Properties.read(ctx.session(), vim(vm), "runtime.powerState");
          if (props.isEmpty()) {
            return ProbeResult.notDone(); // the VM is gone: submitting reports vSphere's own fault
          }
          Object state = props.get().get("runtime.powerState");
          return desiredState.equals(String.valueOf(state)) ? ProbeResult.done(null) : ProbeResult.notDone();
        });
  }

  static List<String> checkClone(CloneVmRequest r) {
    Checks c = new Checks()
        .ref("source", r.source(), VIRTUAL_MACHINE)
        .ref("folder", r.folder(), "Folder")
        .name("name", r.name())
        .optionalRef("resourcePool", r.resourcePool(), "ResourcePool")
        .optionalRef("datastore", r.datastore(), "Datastore")
        .optionalRef("host", r.host(), "HostSystem");
    checkCustomization(c, r.customization());
    return c.problems();
  }

  static void checkCustomization(Checks c, GuestCustomization g) {
    if (g == null) {
      return;
    }
    if (!"linux".equals(g.os()) && !"windows".equals(g.os())) {
      c.problem("customization.os must be linux or windows, got " + g.os());
    }
    c.notBlank("customization.hostName", g.hostName()).hostName("customization.hostName", g.hostName());
    if (!g.dhcp()) {
      c.ipv4("customization.ipAddress", g.ipAddress()).notBlank("customization.netmask", g.netmask())
          .ipv4("customization.netmask", g.netmask()).ipv4("customization.gateway", g.gateway());
    }
    for (String dns : g.dnsServers()) {
      c.ipv4("customization.dnsServers", dns);
    }
  }

  static List<String> checkCreate(CreateVmRequest r) {
    Checks c = new Checks()
        .ref("folder", r.folder(), "Folder")
        .name("name", r.name())
        .ref("resourcePool", r.resourcePool(), "ResourcePool")
        .ref("datastore", r.datastore(), "Datastore")
        .optionalRef("host", r.host(), "HostSystem")
        .notBlank("guestId", r.guestId())
        .positive("numCpus", r.numCpus())
        .positive("memoryMb", r.memoryMb());
    if (r.memoryMb() % 4 != 0) {
      c.problem("memoryMb " + r.memoryMb() + " is not a multiple of 4 MB");
    }
    return c.problems();
  }

  /** A VM of that name in the folder that carries this step's key: the step created it already. */
  static ProbeResult createdVm(OperationContext ctx, MoRef folder, String name) throws RemoteException {
    Optional<ManagedObjectReference> vm = Inventory.child(ctx.session(), vim(folder), name);
    if (vm.isEmpty()) {
      return ProbeResult.notDone();
    }
    Optional<String> key = Inventory.extraConfig(ctx.session(), vm.get(), VmSpecs.OPERATION_KEY);
    return key.filter(ctx.operationKey()::equals).isPresent() ? ProbeResult.done(vm.get()) : ProbeResult.notDone();
  }

  static ProbeResult probeRelocate(OperationContext ctx, RelocateVmRequest r) throws RemoteException {
    Optional<Map<String, Object>> props = Properties.read(ctx.session(), vim(r.vm()),
        "resourcePool", "runtime.host", "datastore", "parent");
    if (props.isEmpty()) {
      return ProbeResult.notDone();
    }
    Map<String, Object> p = props.get();
    boolean there = matches(r.resourcePool(), p.get("resourcePool"))
        && matches(r.host(), p.get("runtime.host"))
        && matches(r.folder(), p.get("parent"))
        && (r.datastore() == null || refs(p.get("datastore")).contains(r.datastore().value()));
    return there ? ProbeResult.done(null) : ProbeResult.notDone();
  }

  private static boolean matches(MoRef wanted, Object actual) {
    return wanted == null || (actual instanceof ManagedObjectReference ref && Objects.equals(ref.getVal(), wanted.value()));
  }

  private static List<String> refs(Object value) {
    ManagedObjectReference[] array = value instanceof com.vmware.vim25.ArrayOfManagedObjectReference a
        ? a.getManagedObjectReference() : value instanceof ManagedObjectReference[] arr ? arr : null;
    return array == null ? List.of() : Arrays.stream(array).map(ManagedObjectReference::getVal).toList();
  }
}
