package io.vspheretemporal.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualMachineConfigSpec;
import io.vspheretemporal.activities.Await;
import io.vspheretemporal.activities.SimVCenter;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.testing.Simulator;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** One worker's connection to the simulator for a watcher test: its session, its watcher, what they reported. */
record WatcherRig(VCenters vcenters, WatcherEvents events) implements AutoCloseable {

  static WatcherRig connect(Simulator sim, WatcherSettings settings) {
    WatcherEvents events = new WatcherEvents();
    return new WatcherRig(new VCenters(List.of(SimVCenter.config(sim)), events, settings, events), events);
  }

  /** Short backoff, so a test sees the watcher back soon after an outage ends. */
  static WatcherSettings settings(Duration maxWait, int maxObjectUpdates) {
    return new WatcherSettings(maxWait, maxObjectUpdates, Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  VCenterSession session() {
    return vcenters.session(SimVCenter.NAME);
  }

  PropertyWatcher watcher() {
    return vcenters.watcher(SimVCenter.NAME);
  }

  /** Starts a ReconfigVM_Task that changes nothing: a task that runs its full duration and succeeds. */
  ManagedObjectReference reconfigure(ManagedObjectReference vm) throws RemoteException {
    return session().call((p, c) -> p.reconfigVM_Task(vm, new VirtualMachineConfigSpec()));
  }

  /**
   * Waits until no long poll of an earlier test's watcher is still being answered, then restarts
   * the simulator's counts, so that long polls in flight are this test's alone.
   */
  static void quietCounters(Simulator sim) {
    Await.until("no long poll in flight", Duration.ofSeconds(10), () -> sim.control().counters().longPollsInFlight(),
        n -> n == 0);
    sim.control().resetCounters();
  }

  /** The model's virtual machines (not the templates, nor VMs other tests made). */
  static List<ManagedObjectReference> modelVms(Simulator sim) {
    List<ManagedObjectReference> vms = sim.control().vms("DC0_").stream().filter(v -> !v.template()).map(v -> {
      ManagedObjectReference ref = new ManagedObjectReference();
      ref.setType("VirtualMachine");
      ref.setVal(v.ref());
      return ref;
    }).toList();
    assertThat(vms).hasSize(4);
    return vms;
  }

  /** The first state the watch delivers that satisfies {@code wanted}. */
  static TaskSnapshot awaitState(TaskWatch watch, Duration limit, Predicate<TaskSnapshot> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    TaskSnapshot last = null;
    while (System.nanoTime() < deadline) {
      TaskWatch.Outcome o = watch.next(Duration.ofMillis(200));
      assertThat(o.gone()).as("vSphere forgot the task").isFalse();
      if (o.snapshot() != null) {
        last = o.snapshot();
        if (wanted.test(last)) {
          return last;
        }
      }
    }
    throw new AssertionError("the watch did not deliver the expected state within " + limit + "; last: " + last);
  }

  static TaskSnapshot awaitEnd(TaskWatch watch, Duration limit) throws InterruptedException {
    return awaitState(watch, limit, TaskSnapshot::done);
  }

  @Override
  public void close() {
    vcenters.close();
  }
}
