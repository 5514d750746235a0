package io.vspheretemporal.worker.chaos;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vspheretemporal.testing.SimulatorControl;
import io.vspheretemporal.testing.control.Counters;
import io.vspheretemporal.testing.control.SimTask;
import io.vspheretemporal.testing.control.SimVm;
import io.vspheretemporal.workflows.fleet.FleetResult;
import io.vspheretemporal.workflows.fleet.VmOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a scenario's fleet left behind, checked against what it asked for: every run's end (from
 * its history), vSphere task submissions against one per VM and step (the simulator's counters,
 * and successful tasks per step key), each VM as the simulator shows it, and VMs nobody owns.
 */
final class Audit {
  /** The steps each VM of a fleet runs once: one task of each per VM. */
  static final List<String> STEP_METHODS = List.of("CloneVM_Task", "ReconfigVM_Task", "PowerOnVM_Task");

  private final SimulatorControl control;
  private final TemporalScan temporal;

  Audit(SimulatorControl control, TemporalScan temporal) {
    this.control = control;
    this.temporal = temporal;
  }

  /**
   * @param workflows the fleet and its ProvisionVm children
   * @param lost runs that never ended (still running at the deadline, or never started)
   * @param taskCalls vSphere tasks the simulator created, by method
   * @param duplicateOperations tasks beyond one per VM and step (less the scenario's
   *     allowance), or successful tasks beyond one per step key, whichever is larger
   * @param wrongResults VMs missing, doubled, or not as requested (power, size, address, the ref
   *     the workflow returned)
   * @param failedTasks the fleet's vSphere tasks that ended in error (still known to vCenter)
   * @param owned the VMs the fleet's result says it provisioned
   */
  record Outcome(int workflows, int completed, int failed, int lost, int activityFailures, int activityTimeouts,
      int retriedAttempts, Map<String, Integer> retryReasons, Map<String, Long> taskCalls, int duplicateOperations,
      int wrongResults, List<String> failures, List<String> problems, List<String> failedTasks, Set<String> owned) {}

  Outcome of(Fleet fleet, FleetResult result, Map<String, Integer> allowance) {
    int completed = 0;
    int failed = 0;
    int lost = 0;
    int activityFailures = 0;
    int timeouts = 0;
    int retried = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String id : fleet.workflowIds()) {
      TemporalScan.RunFacts f;
      try {
        f = temporal.history(id);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
        lost++;
        problems.add(id + " never started");
        continue;
      }
      switch (f.status()) {
        case "COMPLETED" -> completed++;
        case "RUNNING" -> {
          lost++;
          problems.add(id + " had not ended when the fleet's time was up");
        }
        default -> {
          failed++;
          failures.add(id + " " + f.status() + (f.failure() == null ? "" : ": " + f.failure()));
        }
      }
      activityFailures += f.activityFailures();
      timeouts += f.activityTimeouts();
      retried += f.retriedAttempts();
      f.retryReasons().forEach((k, v) -> reasons.merge(k, v, Integer::sum));
    }

    // Tasks vCenter created, not SOAP calls: a call refused with NotAuthenticated (expired session,
    // restart) is sent again after the re-login but creates one task.
    Counters counters = control.counters();
    Map<String, Long> calls = new TreeMap<>(counters.tasks().created() == null ? Map.of() : counters.tasks().created());
    int n = fleet.vms().size();
    int beyondCounters = 0;
    for (String method : STEP_METHODS) {
      long extra = calls.getOrDefault(method, 0L) - n - allowance.getOrDefault(method, 0);
      if (extra > 0) {
        beyondCounters += (int) extra;
        problems.add(method + ": " + calls.getOrDefault(method, 0L) + " tasks for " + n + " VMs"
            + (allowance.containsKey(method) ? " (+" + allowance.get(method) + " for work the restart made vSphere forget)" : ""));
      }
    }
    int beyondKeys = 0;
    List<String> failedTasks = new ArrayList<>();
    Map<String, Integer> successesByKey = new LinkedHashMap<>();
    for (SimTask t : control.tasks()) {
      if (t.activationId() == null || !t.activationId().startsWith(fleet.workflowId() + "/")) {
        continue;
      }
      if ("success".equals(t.state())) {
        successesByKey.merge(t.name() + " " + t.activationId(), 1, Integer::sum);
      } else if ("error".equals(t.state())) {
        failedTasks.add(t.name() + " " + t.ref() + " on " + t.entityName() + " (" + t.activationId() + "): " + t.error());
      }
    }
    for (var e : successesByKey.entrySet()) {
      if (e.getValue() > 1) {
        beyondKeys += e.getValue() - 1;
        problems.add(e.getKey() + " succeeded " + e.getValue() + " times");
      }
    }

    int wrong = 0;
    Map<String, VmOutcome> outcomes = new LinkedHashMap<>();
    if (result != null) {
      result.vms().forEach(o -> outcomes.put(o.name(), o));
    }
    Set<String> owned = new java.util.HashSet<>();
    for (Fleet.Vm vm : fleet.vms()) {
      List<SimVm> found = control.vms(vm.name()).stream().filter(v -> v.name().equals(vm.name())).toList();
      VmOutcome o = outcomes.get(vm.name());
      if (o != null && o.vm() != null && "provisioned".equals(o.status())) {
        owned.add(o.vm().value());
      }
      String wrongWith = wrongWith(vm, found, o);
      if (wrongWith != null) {
        wrong++;
        problems.add(vm.name() + ": " + wrongWith);
      }
    }
    return new Outcome(fleet.workflowIds().size(), completed, failed, lost, activityFailures, timeouts, retried, reasons,
        calls, Math.max(beyondCounters, beyondKeys), wrong, failures, problems, failedTasks, owned);
  }

  private static String wrongWith(Fleet.Vm vm, List<SimVm> found, VmOutcome o) {
    if (found.size() != 1) {
      return found.size() + " VMs have this name";
    }
    SimVm v = found.get(0);
    if (o == null || !"provisioned".equals(o.status())) {
      return "the fleet does not report it provisioned" + (o == null ? "" : " (" + o.status() + ": " + o.error() + ")");
    }
    if (!v.ref().equals(o.vm().value())) {
      return "the workflow returned " + o.vm().value() + " but the VM is " + v.ref();
    }
    if (!"poweredOn".equals(v.powerState()) || v.numCpu() != 2 || v.memoryMB() != 2048 || !vm.ip().equals(v.ipAddress())
        || !vm.ip().equals(o.ipAddress())) {
      return "expected poweredOn, " + Fleet.CPU_MEMORY + ", " + vm.ip() + "; vSphere shows " + v.powerState() + ", "
          + v.numCpu() + " vCPU, " + v.memoryMB() + " MB, " + v.ipAddress() + "; the workflow reported " + o.ipAddress();
    }
    return null;
  }

  /** VMs of this run (named chaos-...) that no fleet result owns. */
  List<String> orphans(Set<String> owned) {
    List<String> out = new ArrayList<>();
    for (SimVm v : control.vms("chaos-")) {
      if (!owned.contains(v.ref())) {
        out.add(v.name() + " (" + v.ref() + ")");
      }
    }
    return out;
  }
}
