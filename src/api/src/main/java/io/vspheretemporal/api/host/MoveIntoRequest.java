package io.vspheretemporal.api.host;

import io.vspheretemporal.api.MoRef;
import java.util.List;

/** MoveInto_Task: move hosts into a cluster. */
public record MoveIntoRequest(MoRef cluster, List<MoRef> hosts) {
  public MoveIntoRequest {
    hosts = List.copyOf(hosts);
  }
}
