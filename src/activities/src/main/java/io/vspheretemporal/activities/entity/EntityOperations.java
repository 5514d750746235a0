package io.vspheretemporal.activities.entity;

import static io.vspheretemporal.activities.vim.Refs.vim;

import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.Operation;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.activities.catalog.ResultType;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.RenameRequest;
import java.util.Map;
import java.util.Optional;

/** The operations every managed entity has. */
public final class EntityOperations {
  /**
   * The managed entity types (vSphere's ManagedEntity and its subtypes). Snapshots, tasks and
   * managers are not entities: they have no Destroy_Task or Rename_Task.
   */
  static final String[] ENTITY_TYPES = {
      "VirtualMachine", "HostSystem", "Folder", "Datacenter", "ResourcePool", "VirtualApp",
      "ClusterComputeResource", "ComputeResource", "Datastore", "StoragePod", "Network", "OpaqueNetwork",
      "DistributedVirtualPortgroup", "DistributedVirtualSwitch", "VmwareDistributedVirtualSwitch"};

  private EntityOperations() {}

  public static final Operation<MoRef, Void> DESTROY = new Operation<>(
      "Destroy_Task", "ManagedEntity", false, ResultType.none(), e -> e,
      e -> new Checks().ref("entity", e, ENTITY_TYPES).problems(),
      (ctx, e) -> (p, c) -> p.destroy_Task(vim(e)),
      // Once vSphere no longer knows the entity, it is destroyed.
      (ctx, e) -> Properties.read(ctx.session(), vim(e), "name").isEmpty()
          ? ProbeResult.done(null) : ProbeResult.notDone());

  public static final Operation<RenameRequest, Void> RENAME = new Operation<>(
      "Rename_Task", "ManagedEntity", false, ResultType.none(), RenameRequest::entity,
      r -> new Checks().ref("entity", r.entity(), ENTITY_TYPES).name("newName", r.newName()).problems(),
      (ctx, r) -> (p, c) -> p.rename_Task(vim(r.entity()), r.newName()),
      (ctx, r) -> {
        Optional<Map<String, Object>> props = Properties.read(ctx.session(), vim(r.entity()), "name");
        boolean renamed = props.isPresent() && r.newName().equals(props.get().get("name"));
        return renamed ? ProbeResult.done(null) : ProbeResult.notDone();
      });
}
