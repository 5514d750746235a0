package io.vspheretemporal.api.entity;

import io.vspheretemporal.api.MoRef;

/** Rename_Task on any managed entity (VM, folder, host, cluster, ...). */
public record RenameRequest(MoRef entity, String newName) {}
