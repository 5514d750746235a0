package io.vspheretemporal.workflows.progress;

/** Where a workflow step stands. */
public enum StepState {
  PENDING("[ ]"),
  RUNNING("[>]"),
  DONE("[x]"),
  SKIPPED("[-]"),
  FAILED("[!]"),
  UNDONE("[~]");

  final String box;

  StepState(String box) {
    this.box = box;
  }
}
