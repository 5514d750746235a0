package io.vspheretemporal.activities.snapshot;

/**
 * The step's key stamped into a snapshot's description. Snapshots carry no extraConfig, and their
 * names repeat freely, so the description is where a retried step recognises the snapshot it made.
 */
record SnapshotMark(String operationKey) {

  /** The description to send: the user's, then the mark. */
  String stamp(String description) {
    return description == null || description.isBlank() ? tag() : description + " " + tag();
  }

  boolean isOn(String description) {
    return description != null && description.contains(tag());
  }

  private String tag() {
    return "[vsphere-temporal " + operationKey + "]";
  }
}
