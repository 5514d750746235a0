package io.vspheretemporal.workflows.snapshot;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.workflows.progress.StepTiming;
import java.util.List;

/** The VM, the changes made, and how long each step took; the guard snapshot is removed. */
public record SnapshotGuardResult(MoRef vm, List<String> applied, List<StepTiming> timings) {}
