package io.vspheretemporal.testing;

import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimHost;
import io.vspheretemporal.testing.control.SimObject;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Proof that a bad input changed nothing in vSphere. Take it before the bad input, assert after:
 *
 * <pre>{@code
 * NoVSphereChange proof = NoVSphereChange.before(sim);
 * ... the bad request fails ...
 * proof.assertNoChange();
 * }</pre>
 *
 * It compares the simulator's SOAP call counters (every method not known to be read-only counts as
 * a change: all {@code *_Task} methods, CreateFolder, CancelTask, ...), the tasks it created, and
 * its inventory (VMs with their power state, size and placement; hosts with their state; folders,
 * pools, clusters, datastores and networks). Guest facts (tools, IP) are left out: a powered-on
 * VM's guest changes them by itself.
 */
public final class NoVSphereChange {
  /**
   * Methods that only read, or manage the caller's own session, collectors and views. Any other
   * method reaching the simulator is a change, even one it refused: unknown means not proven.
   */
  static final Set<String> READ_ONLY = Set.of(
      "RetrieveServiceContent", "Login", "Logout", "SessionIsActive", "CurrentTime",
      "RetrieveProperties", "RetrievePropertiesEx", "ContinueRetrievePropertiesEx", "CancelRetrievePropertiesEx",
      "CreatePropertyCollector", "DestroyPropertyCollector", "CreateFilter", "DestroyPropertyFilter",
      "WaitForUpdates", "WaitForUpdatesEx", "CheckForUpdates", "CancelWaitForUpdates",
      "CreateContainerView", "CreateListView", "DestroyView",
      "FindByInventoryPath", "FindByUuid", "FindAllByUuid", "FindByIp", "FindByDnsName", "FindChild");

  /** Entity types whose presence, names and parents are compared besides VMs and hosts. */
  static final List<String> OBJECT_TYPES = List.of("Datacenter", "Folder", "ResourcePool", "ClusterComputeResource",
      "ComputeResource", "Datastore", "Network", "DistributedVirtualPortgroup", "VmwareDistributedVirtualSwitch");

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final SimulatorControl control;
  private final Counters counters;
  private final Set<String> tasks;
  private final Map<String, String> inventory;

  private NoVSphereChange(SimulatorControl control, Counters counters, Set<String> tasks, Map<String, String> inventory) {
    this.control = control;
    this.counters = counters;
    this.tasks = tasks;
    this.inventory = inventory;
  }

  /**
   * Records the simulator's state, after waiting for tasks an earlier test left running to end
   * (their effects would otherwise show up as this test's change).
   */
  public static NoVSphereChange before(Simulator sim) {
    SimulatorControl control = sim.control();
    settle(control);
    Set<String> tasks = control.tasks().stream().map(SimTask::ref).collect(Collectors.toCollection(TreeSet::new));
    return new NoVSphereChange(control, control.counters(), tasks, inventory(control));
  }

  /** Nothing that changes vSphere reached it, no task was created, and the inventory is as it was. */
  public void assertNoChange() {
    List<String> found = new ArrayList<>(changingCalls(Set.of()));
    found.addAll(describe(newTasks()));
    found.addAll(inventoryChanges());
    fail(found, "a change reached vSphere");
  }

  /**
   * vSphere itself refused the input: each named method was called exactly once, each of its tasks
   * ended in {@code error}, nothing else that changes vSphere was called, and the inventory is as it
   * was. For inputs only vCenter can judge (a name that exists, a VM already on, a host's password).
   */
  public void assertRefusedOnce(String... methods) {
    Set<String> allowed = Set.of(methods);
    List<String> found = new ArrayList<>(changingCalls(allowed));
    Counters now = control.counters();
    for (String m : methods) {
      long calls = now.calls(m) - counters.calls(m);
      if (calls != 1) {
        found.add(m + " was called " + calls + " times, expected once (a refused request must not be retried)");
      }
    }
    List<SimTask> created = awaitEnded(newTasks());
    for (SimTask t : created) {
      if (!allowed.contains(t.name())) {
        found.add("task " + t.ref() + " " + t.name() + " on " + t.entityName() + " was created");
      } else if (!"error".equals(t.state())) {
        found.add("task " + t.ref() + " " + t.name() + " on " + t.entityName() + " ended " + t.state()
            + ", expected error");
      }
    }
    found.addAll(inventoryChanges());
    fail(found, "vSphere was changed, not only asked and refused");
  }

  /**
   * The simulator was not contacted at all, not even to log in: for bad configuration and command
   * lines, which must stop before connecting.
   */
  public void assertNotContacted() {
    Counters now = control.counters();
    List<String> found = new ArrayList<>();
    if (now.totalCalls() != counters.totalCalls()) {
      found.add((now.totalCalls() - counters.totalCalls()) + " SOAP calls reached the simulator ("
          + delta(now).entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))
          + "), expected none: not even Login");
    }
    found.addAll(inventoryChanges());
    fail(found, "the simulator was contacted");
  }

  /** SOAP calls per method since {@link #before}, for tests that say more about them. */
  public Map<String, Long> calls() {
    return delta(control.counters());
  }

  private Map<String, Long> delta(Counters now) {
    Map<String, Long> out = new TreeMap<>();
    if (now.calls() != null) {
      now.calls().forEach((m, n) -> {
        long d = n - counters.calls(m);
        if (d != 0) {
          out.put(m, d);
        }
      });
    }
    return out;
  }

  private List<String> changingCalls(Set<String> allowed) {
    List<String> found = new ArrayList<>();
    delta(control.counters()).forEach((method, n) -> {
      if (!READ_ONLY.contains(method) && !allowed.contains(method)) {
        found.add(method + " was called " + n + " time" + (n == 1 ? "" : "s"));
      }
    });
    return found;
  }

  private List<SimTask> newTasks() {
    return control.tasks().stream().filter(t -> !tasks.contains(t.ref())).toList();
  }

  private static List<String> describe(List<SimTask> created) {
    return created.stream().map(t -> "task " + t.ref() + " " + t.name() + " on " + t.entityName() + " was created ("
        + t.state() + (t.error() == null ? "" : ": " + t.error()) + ")").toList();
  }

  /** Refused tasks end halfway through their run: wait for that instead of reading them mid-way. */
  private List<SimTask> awaitEnded(List<SimTask> created) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    List<SimTask> now = created;
    while (now.stream().anyMatch(NoVSphereChange::running) && System.nanoTime() < deadline) {
      pause();
      now = newTasks();
    }
    return now;
  }

  private List<String> inventoryChanges() {
    Map<String, String> after = inventory(control);
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> e : inventory.entrySet()) {
      String now = after.get(e.getKey());
      if (now == null) {
        found.add(e.getKey() + " is gone (was " + e.getValue() + ")");
      } else if (!now.equals(e.getValue())) {
        found.add(e.getKey() + " changed from " + e.getValue() + " to " + now);
      }
    }
    after.forEach((k, v) -> {
      if (!inventory.containsKey(k)) {
        found.add(k + " appeared: " + v);
      }
    });
    return found;
  }

  private static Map<String, String> inventory(SimulatorControl control) {
    Map<String, String> out = new TreeMap<>();
    for (SimVm vm : control.vms()) {
      out.put("VirtualMachine " + vm.ref() + " (" + vm.name() + ")", String.join(" ", "name=" + vm.name(),
          "template=" + vm.template(), "power=" + vm.powerState(), "cpu=" + vm.numCpu(), "memoryMB=" + vm.memoryMB(),
          "host=" + vm.host(), "pool=" + vm.resourcePool(), "folder=" + vm.folder()));
    }
    for (SimHost h : control.hosts()) {
      out.put("HostSystem " + h.ref() + " (" + h.name() + ")", String.join(" ", "name=" + h.name(),
          "parent=" + h.parent(), "connection=" + h.connectionState(), "maintenance=" + h.inMaintenanceMode()));
    }
    for (String type : OBJECT_TYPES) {
      for (SimObject o : control.objects(type)) {
        out.put(type + " " + o.ref() + " (" + o.name() + ")", "name=" + o.name() + " parent=" + o.parent());
      }
    }
    return out;
  }

  private static void settle(SimulatorControl control) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (control.counters().tasks().inFlight() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("tasks an earlier test started are still running after " + SETTLE
            + "; cannot take a clean picture of the simulator");
      }
      pause();
    }
  }

  private static boolean running(SimTask t) {
    return "queued".equals(t.state()) || "running".equals(t.state());
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void fail(List<String> found, String what) {
    if (!found.isEmpty()) {
      throw new AssertionError(what + ":\n  " + String.join("\n  ", found));
    }
  }

  @Override
  public String toString() {
    return "NoVSphereChange[" + tasks.size() + " tasks, " + inventory.size() + " objects before]";
  }
}
