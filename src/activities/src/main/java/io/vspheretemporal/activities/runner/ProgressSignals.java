package io.vspheretemporal.activities.runner;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.vspheretemporal.api.TaskProgress;
import io.vspheretemporal.api.progress.VSphereProgressListener;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals a step's live progress to its workflow, for workflow types that implement
 * {@link VSphereProgressListener} (others get nothing). Sent when the task's state, progress or
 * description changed, at most as often as the step heartbeats.
 */
public final class ProgressSignals {
  private static final Logger log = LoggerFactory.getLogger(ProgressSignals.class);

  private final Set<String> listeners;

  private ProgressSignals(Set<String> workflowTypes) {
    this.listeners = Set.copyOf(workflowTypes);
  }

  public static ProgressSignals none() {
    return new ProgressSignals(Set.of());
  }

  /** For the registered workflow implementations that implement {@link VSphereProgressListener}. */
  public static ProgressSignals forImplementations(Collection<Class<?>> implementations) {
    Set<String> types = new HashSet<>();
    for (Class<?> impl : implementations) {
      if (VSphereProgressListener.class.isAssignableFrom(impl)) {
        for (POJOWorkflowMethodMetadata m : POJOWorkflowImplMetadata.newInstance(impl).getWorkflowMethods()) {
          types.add(m.getName());
        }
      }
    }
    return new ProgressSignals(types);
  }

  public Set<String> workflowTypes() {
    return listeners;
  }

  /** A sender for one step: sends only what changed since its last signal. */
  Sender sender(ActivityExecutionContext activity) {
    // An activity run outside a workflow (TestActivityEnvironment) has no workflow type, and the
    // immutable set throws on contains(null).
    String workflowType = activity.getInfo().getWorkflowType();
    return new Sender(activity, workflowType != null && listeners.contains(workflowType));
  }

  static final class Sender {
    private final ActivityExecutionContext activity;
    private final boolean enabled;
    private TaskProgress last;

    private Sender(ActivityExecutionContext activity, boolean enabled) {
      this.activity = activity;
      this.enabled = enabled;
    }

    void send(TaskProgress p) {
      if (!enabled || (last != null && Objects.equals(last.state(), p.state())
          && Objects.equals(last.progress(), p.progress()) && Objects.equals(last.description(), p.description())
          && last.cancelRequested() == p.cancelRequested())) {
        return;
      }
      last = p;
      ActivityInfo info = activity.getInfo();
      try {
        activity.getWorkflowClient()
            .newUntypedWorkflowStub(info.getWorkflowId(), Optional.of(info.getRunId()), Optional.empty())
            .signal(VSphereProgressListener.SIGNAL, p);
      } catch (RuntimeException e) {
        // The workflow may have closed meanwhile; progress is best effort, the heartbeat is not.
        log.debug("progress signal to {} failed: {}", info.getWorkflowId(), e.toString());
      }
    }
  }
}
