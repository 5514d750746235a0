package io.vspheretemporal.worker.demo;

import io.vspheretemporal.api.vm.GuestCustomization;
import io.vspheretemporal.workflows.fleet.FailurePolicy;
import io.vspheretemporal.workflows.fleet.ProvisionFleetRequest;
import io.vspheretemporal.workflows.provision.ProvisionVmRequest;
import java.util.ArrayList;
import java.util.List;

/** The demo's fleet: web servers from the simulator's Ubuntu template, each with a static address. */
public final class DemoFleetRequests {
  private DemoFleetRequests() {}

  public static ProvisionFleetRequest of(String vcenter, int vms) {
    List<ProvisionVmRequest> requests = new ArrayList<>();
    for (int i = 1; i <= vms; i++) {
      String name = String.format("demo-web-%02d", i);
      GuestCustomization net = GuestCustomization.linuxStatic(null, "demo.example", "192.0.2." + (100 + i),
          "255.255.255.0", "192.0.2.1", List.of("192.0.2.53"));
      requests.add(new ProvisionVmRequest(vcenter, name, "tmpl-ubuntu", "DC0/vm", null, "DC0/host/DC0_C0", null, null,
          2, 2048L, null, net, 120));
    }
    return new ProvisionFleetRequest("demo", requests, Math.min(vms, 5), FailurePolicy.STOP_AND_UNDO_ALL);
  }
}
