package io.vspheretemporal.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import io.vspheretemporal.activities.VCenters;
import io.vspheretemporal.activities.inventory.Properties;
import io.vspheretemporal.activities.runner.OperationKeys;
import io.vspheretemporal.activities.session.SessionListener;
import io.vspheretemporal.activities.session.VCenterConfig;
import io.vspheretemporal.activities.session.VCenterException;
import io.vspheretemporal.activities.session.VCenterSession;
import io.vspheretemporal.activities.vim.ObjectKey;
import io.vspheretemporal.activities.watch.TaskSnapshot;
import io.vspheretemporal.activities.watch.WatcherListener;
import io.vspheretemporal.activities.watch.WatcherSettings;
import io.vspheretemporal.worker.config.ConfigException;
import io.vspheretemporal.worker.config.ConfigLoader;
import io.vspheretemporal.worker.config.ResolvedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tasks", mixinStandardHelpOptions = true,
    description = {"Lists vCenter's recent tasks, like vSphere's task list: operation, entity, state,",
        "cancelled, progress, and the workflow that started it when it was one of ours."})
public final class TasksCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, description = "the worker configuration (for the vCenters and logins)")
  Path config;

  @Option(names = "--vcenter", description = "only this vCenter (default: all configured)")
  String vcenter;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  /** One row of the list. */
  public record TaskRow(String vcenter, String task, String operation, String entity, String entityType, String state,
      boolean cancelled, Integer progress, String queued, String workflowId, String error) {}

  @Override
  public Integer call() throws Exception {
    ResolvedConfig resolved;
    try {
      resolved = ConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    List<VCenterConfig> targets = resolved.vcenters().stream()
        .filter(v -> vcenter == null || v.name().equals(vcenter)).toList();
    if (targets.isEmpty()) {
      spec.commandLine().getErr().println("--vcenter: no vCenter named '" + vcenter + "' in " + config);
      return ExitCodes.CONFIG;
    }
    List<TaskRow> rows = new ArrayList<>();
    try (VCenters vcenters = new VCenters(targets, SessionListener.NONE, WatcherSettings.defaults(), WatcherListener.NONE)) {
      for (VCenterConfig v : targets) {
        rows.addAll(recent(v.name(), vcenters.session(v.name())));
      }
    } catch (VCenterException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.FAILURE;
    }
    rows.sort(Comparator.comparing(TaskRow::queued, Comparator.nullsFirst(Comparator.naturalOrder())));
    if (json) {
      spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      print(rows);
    }
    return ExitCodes.OK;
  }

  private static List<TaskRow> recent(String name, VCenterSession session) throws java.rmi.RemoteException {
    Map<String, Object> tm = Properties.read(session, session.content().getTaskManager(), "recentTask").orElse(Map.of());
    Object value = tm.get("recentTask");
    List<ManagedObjectReference> tasks = value instanceof com.vmware.vim25.ArrayOfManagedObjectReference a
        && a.getManagedObjectReference() != null ? List.of(a.getManagedObjectReference())
        : value instanceof ManagedObjectReference[] arr ? List.of(arr) : List.of();
    List<TaskRow> rows = new ArrayList<>();
    for (Map.Entry<ObjectKey, Map<String, Object>> e : Properties.readAll(session, tasks, "info").entrySet()) {
      if (!(e.getValue().get("info") instanceof TaskInfo info)) {
        continue;
      }
      TaskSnapshot s = TaskSnapshot.of(info);
      rows.add(new TaskRow(name, s.task().value(), s.operation(), s.entityName(),
          s.entity() == null ? null : s.entity().type(), s.state(), s.cancelled(), s.progress(),
          s.queueTime() == null ? null : s.queueTime().toString(),
          OperationKeys.workflowId(s.activationId()).orElse(null),
          s.faultType() == null ? null : s.faultType() + ": " + s.faultMessage()));
    }
    return rows;
  }

  private void print(List<TaskRow> rows) {
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-10s %-14s %-26s %-28s %-8s %-9s %5s  %s%n",
        "VCENTER", "TASK", "OPERATION", "ENTITY", "STATE", "CANCELLED", "PCT", "WORKFLOW");
    for (TaskRow r : rows) {
      out.printf(Locale.ROOT, "%-10s %-14s %-26s %-28s %-8s %-9s %5s  %s%n", r.vcenter(), r.task(), r.operation(),
          r.entity() + " (" + r.entityType() + ")", r.state(), r.cancelled() ? "yes" : "no",
          r.progress() == null ? "" : r.progress() + "%", r.workflowId() == null ? "" : r.workflowId());
    }
    out.flush();
  }
}
