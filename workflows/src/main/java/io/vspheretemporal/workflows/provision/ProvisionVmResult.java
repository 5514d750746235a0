package io.vspheretemporal.workflows.provision;

import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.workflows.progress.StepTiming;
import java.util.List;

/** The provisioned VM, its guest IP address and how long each step took. */
public record ProvisionVmResult(MoRef vm, String ipAddress, List<StepTiming> timings) {}
