package io.vspheretemporal.workflows.host;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.workflows.progress.StepTiming;
import java.util.List;

public record OnboardHostResult(MoRef host, List<StepTiming> timings) {}
