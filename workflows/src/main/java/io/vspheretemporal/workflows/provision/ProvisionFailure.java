package io.vspheretemporal.workflows.provision;

import java.util.List;

/**
 * Details of a failed provisioning, attached to the workflow's failure.
 *
 * @param step the step that failed, e.g. {@code Power on}
 * @param fault vSphere's fault type (or our failure type), e.g. {@code InvalidPowerState}
 * @param undone what was undone, e.g. {@code powered off web-01}, {@code destroyed web-01}
 * @param undoProblems what could not be undone (left for a person to clean up), empty when all was undone
 */
public record ProvisionFailure(String step, String fault, String message, List<String> undone, List<String> undoProblems) {}
