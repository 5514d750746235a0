package io.vspheretemporal.activities.vm;

import com.vmware.vim25.ArrayOfVirtualDevice;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualEthernetCard;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.MoRef;
import java.rmi.RemoteException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A VM's virtual devices as vSphere reports them in {@code config.hardware.device}. */
record Hardware(List<VirtualDevice> devices) {

  static Hardware of(VCenterSession session, MoRef vm) throws RemoteException {
    Object value = Properties.read(session, Refs.vim(vm), "config.hardware.device")
        .orElseThrow(() -> new AssertionError("vSphere does not know " + vm))
        .get("config.hardware.device");
    VirtualDevice[] devices = value instanceof ArrayOfVirtualDevice a && a.getVirtualDevice() != null
        ? a.getVirtualDevice() : new VirtualDevice[0];
    return new Hardware(Arrays.asList(devices));
  }

  Optional<VirtualDisk> firstDisk() {
    return first(VirtualDisk.class);
  }

  Optional<VirtualEthernetCard> firstNic() {
    return first(VirtualEthernetCard.class);
  }

  private <T extends VirtualDevice> Optional<T> first(Class<T> kind) {
    return devices.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }
}
