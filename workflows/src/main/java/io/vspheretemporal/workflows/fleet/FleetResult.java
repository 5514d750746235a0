package io.vspheretemporal.workflows.fleet;

import java.util.List;

/** Each VM's outcome, in request order. */
public record FleetResult(String fleet, List<VmOutcome> vms, long provisioned, long failed) {}
