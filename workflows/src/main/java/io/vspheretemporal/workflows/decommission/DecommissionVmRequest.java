package io.vspheretemporal.workflows.decommission;

/** The VM to remove: its inventory path ({@code DC0/vm/web-01}) or unique name. */
public record DecommissionVmRequest(String vcenter, String vm) {}
