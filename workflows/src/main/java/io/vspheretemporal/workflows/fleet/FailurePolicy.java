package io.vspheretemporal.workflows.fleet;

/** What a fleet does when one VM fails. */
public enum FailurePolicy {
  /** Stop starting VMs, cancel the ones in progress, undo the ones provisioned, fail the fleet. */
  STOP_AND_UNDO_ALL,
  /** Provision the rest anyway and report each VM's outcome. */
  CONTINUE
}
