package io.vspheretemporal.activities.host;

import static io.vspheretemporal.activities.vim.Refs.vim;

import com.vmware.vim25.HostConnectSpec;
import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.catalog.Checks;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.catalog.ProbeResult;
import io.vspheretemporal.api.host.AddHostRequest;
import java.rmi.RemoteException;
import java.util.List;
import java.util.Optional;

/** What AddHost_Task and AddStandaloneHost_Task share: the request's checks, the connect spec, the probe. */
final class AddHost {
  private AddHost() {}

  static List<String> check(AddHostRequest r, String parentType) {
    return new Checks()
        .ref("parent", r.parent(), parentType)
        .notBlank("hostName", r.hostName())
        .address("hostName", r.hostName())
        .notBlank("username", r.username())
        .notBlank("passwordSecret", r.passwordSecret())
        .thumbprint("sslThumbprint", r.sslThumbprint())
        .problems();
  }

  /**
   * The spec vCenter connects to the host with. The password is resolved here, on the worker, and
   * only ever travels inside this SOAP request.
   */
  static HostConnectSpec connectSpec(OperationContext ctx, AddHostRequest r) {
    HostConnectSpec spec = new HostConnectSpec();
    spec.setHostName(r.hostName());
    spec.setUserName(r.username());
    spec.setPassword(ctx.secret(r.passwordSecret(), "passwordSecret").reveal());
    spec.setSslThumbprint(r.sslThumbprint());
    // Never take a host away from another vCenter that manages it: that is a decision for a human.
    spec.setForce(false);
    return spec;
  }

  /**
   * Done when a host of that name is already below the parent (a cluster's hosts, or a folder's
   * compute resources at any depth): adding it again could only fail or duplicate it.
   */
  static ProbeResult probe(OperationContext ctx, AddHostRequest r) throws RemoteException {
    Optional<ManagedObjectReference> host = HostsUnder.named(ctx.session(), vim(r.parent()), r.hostName());
    return host.<ProbeResult>map(ProbeResult::done).orElseGet(ProbeResult::notDone);
  }
}
