package io.vspheretemporal.workflows.provision;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.VSphereSteps;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.api.vm.ReconfigureVmRequest;

/** The inventory objects a provisioning uses, looked up by path or name. */
record Placement(MoRef template, MoRef folder, MoRef pool, MoRef datastore, MoRef network) {

  static Placement find(VSphereSteps vsphere, ProvisionVmRequest r) {
    String vc = r.vcenter();
    MoRef template = vsphere.findTemplate(InventoryLookup.of(vc, r.template()));
    MoRef folder = vsphere.findFolder(InventoryLookup.of(vc, r.folder()));
    String pool = r.resourcePool() != null ? r.resourcePool() : r.cluster() + "/Resources";
    MoRef resourcePool = vsphere.findResourcePool(InventoryLookup.of(vc, pool));
    MoRef datastore = r.datastore() == null ? null : vsphere.findDatastore(InventoryLookup.of(vc, r.datastore()));
    MoRef network = r.network() == null ? null : vsphere.findNetwork(InventoryLookup.of(vc, r.network()));
    return new Placement(template, folder, resourcePool, datastore, network);
  }

  CloneVmRequest clone(ProvisionVmRequest r) {
    GuestCustomization c = r.customization();
    if (c != null && c.hostName() == null) {
      c = new GuestCustomization(c.os(), r.name(), c.domain(), c.ipAddress(), c.netmask(), c.gateway(),
          c.dnsServers(), c.adminPasswordSecret());
    }
    return new CloneVmRequest(template, folder, r.name(), pool, datastore, null, c, false);
  }

  /** The reconfiguration the request asks for, or null when the template's size and network stay. */
  ReconfigureVmRequest reconfigure(MoRef vm, ProvisionVmRequest r) {
    if (r.numCpus() == null && r.memoryMb() == null && r.diskGb() == null && network == null) {
      return null;
    }
    return new ReconfigureVmRequest(vm, r.numCpus(), r.memoryMb(), r.diskGb(), network);
  }
}
