package io.vspheretemporal.api.progress;

import io.temporal.workflow.SignalMethod;
import io.vspheretemporal.api.TaskProgress;

/**
 * A workflow that wants to follow its vSphere steps' live progress (to show it in its current
 * details or answer queries) implements this; workers signal it whenever a running task's state
 * or progress changes. Workflows that do not implement it get no signals.
 */
public interface VSphereProgressListener {
  String SIGNAL = "vsphere.progress";

  @SignalMethod(name = SIGNAL)
  void vsphereProgress(TaskProgress progress);
}
