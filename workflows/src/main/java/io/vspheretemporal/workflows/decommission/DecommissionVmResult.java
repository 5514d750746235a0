package io.vspheretemporal.workflows.decommission;

import io.vspheretemporal.workflows.progress.StepTiming;
import java.util.List;

/** What was done: {@code alreadyGone} when there was no such VM (which is success too). */
public record DecommissionVmResult(String vm, boolean alreadyGone, boolean poweredOff, boolean destroyed,
    List<StepTiming> timings) {}
