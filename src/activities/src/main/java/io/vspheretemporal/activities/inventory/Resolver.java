package io.vspheretemporal.activities.inventory;

import com.vmware.vim25.ManagedObjectReference;
import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.runner.Failures;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.ObjectKey;
import io.vspheretemporal.activities.vim.Refs;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.inventory.InventoryLookup;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an {@link InventoryLookup} to one object of a {@link Kind}: an inventory path through
 * the SearchIndex, a bare name through a {@link Finder} (it must be unique among objects of the
 * kind). Every way it can fail ends in an ApplicationFailure that names what was looked for.
 */
final class Resolver {
  private static final String PATH_FORM = "inventory paths name the datacenter, then vm, host, datastore or network,"
      + " then the folders and objects below, e.g. 'DC0/vm/web-01' or 'DC0/host/DC0_C0/Resources'";

  private final VCenters vcenters;

  Resolver(VCenters vcenters) {
    this.vcenters = vcenters;
  }

  MoRef find(Kind kind, InventoryLookup lookup) {
    check(kind, lookup);
    VCenterSession session;
    try {
      session = vcenters.session(lookup.vcenter());
    } catch (VCenterException e) {
      throw Failures.fromSession(e);
    }
    String what = lookup.pathOrName().trim();
    try {
      Candidate found = lookup.isPath() ? byPath(session, kind, what) : byName(session, kind, what);
      return Refs.api(session.name(), found.ref(), found.name());
    } catch (RemoteException e) {
      throw Failures.fromCall(kind.operation(), what, session, e);
    }
  }

  private static void check(Kind kind, InventoryLookup lookup) {
    List<String> problems = new ArrayList<>();
    if (lookup == null) {
      problems.add("the lookup is required: a vCenter name and the " + kind.noun() + "'s inventory path or name");
    } else {
      if (lookup.vcenter() == null || lookup.vcenter().isBlank()) {
        problems.add("vcenter is required: the name of a vCenter configured on the worker");
      }
      if (lookup.pathOrName() == null || lookup.pathOrName().isBlank()) {
        problems.add("pathOrName is required: the " + kind.noun() + "'s name or inventory path (" + PATH_FORM + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw Failures.invalidRequest(kind.operation(), problems);
    }
  }

  private Candidate byPath(VCenterSession session, Kind kind, String path) throws RemoteException {
    ManagedObjectReference ref = Inventory.byPath(session, path)
        .orElseThrow(() -> notFound("no " + kind.noun() + " at inventory path '" + path + "' on vCenter '"
            + session.name() + "': nothing is there. Check the path (" + PATH_FORM + ")"));
    if (!kind.acceptsType(ref.getType())) {
      throw wrongKind(kind, path, session, "a " + ref.getType() + " (" + ref.getVal() + ")", null);
    }
    Map<String, Object> props = Properties.read(session, ref, kind.paths())
        .orElseThrow(() -> notFound("the " + kind.noun() + " at inventory path '" + path + "' on vCenter '"
            + session.name() + "' was removed while it was being looked up"));
    if (!kind.matches(props)) {
      throw wrongKind(kind, path, session, kind.describe(props) + " (" + ref.getVal() + ")", kind.sibling());
    }
    return new Candidate(ref, props);
  }

  private Candidate byName(VCenterSession session, Kind kind, String name) throws RemoteException {
    List<Candidate> named = Finder.named(session, kind.viewType(), name, kind.paths());
    List<Candidate> matching = named.stream().filter(c -> kind.matches(c.props())).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.isEmpty()) {
      String message = "no " + kind.noun() + " named '" + name + "' on vCenter '" + session.name() + "'";
      Optional<Candidate> other = named.stream().findFirst();
      throw notFound(other.isPresent()
          ? message + "; '" + name + "' is " + kind.describe(other.get().props()) + ": use " + kind.sibling()
          : message + " (names are case-sensitive; " + PATH_FORM + ")");
    }
    throw duplicates(session, kind, name, matching);
  }

  private static ApplicationFailure duplicates(VCenterSession session, Kind kind, String name, List<Candidate> found)
      throws RemoteException {
    Map<ObjectKey, String> paths = InventoryPaths.of(session, found.stream().map(Candidate::ref).toList());
    List<String> listed = new ArrayList<>();
    for (Candidate c : found) {
      String path = paths.get(ObjectKey.of(c.ref()));
      listed.add(path == null ? c.ref().getVal() : path + " (" + c.ref().getVal() + ")");
    }
    String example = paths.isEmpty() ? "" : ", e.g. '" + paths.values().iterator().next() + "'";
    return Failures.nonRetryable(FailureTypes.INVALID_REQUEST, found.size() + " " + kind.noun() + "s are named '"
        + name + "' on vCenter '" + session.name() + "': " + String.join(", ", listed)
        + "; look it up by its inventory path instead of the name" + example);
  }

  private static ApplicationFailure wrongKind(Kind kind, String path, VCenterSession session, String actual,
      String otherOperation) {
    return Failures.nonRetryable(FailureTypes.INVALID_REQUEST, "inventory path '" + path + "' on vCenter '"
        + session.name() + "' leads to " + actual + ", not a " + kind.noun()
        + (otherOperation == null ? "; give the path of a " + kind.noun() : "; use " + otherOperation + " for it"));
  }

  private static ApplicationFailure notFound(String message) {
    return Failures.nonRetryable(FailureTypes.NOT_FOUND, message);
  }
}
