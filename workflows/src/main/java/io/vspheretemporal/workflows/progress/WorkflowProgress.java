package io.vspheretemporal.workflows.progress;

import java.util.List;

/**
 * What a workflow's progress query returns: its steps, the one running, and how it ended.
 *
 * @param title e.g. {@code ProvisionVm web-01 on vc01}
 * @param current the running step's name, or null
 * @param outcome null while running, then e.g. {@code succeeded} or {@code failed: ...}
 */
public record WorkflowProgress(String title, List<StepStatus> steps, String current, String outcome) {}
