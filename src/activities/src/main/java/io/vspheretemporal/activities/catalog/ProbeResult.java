package io.vspheretemporal.activities.catalog;

/**
 * What a probe found out, without the task, about whether an operation's work already happened.
 */
public sealed interface ProbeResult {

  /** The work is done; {@code vimResult} is what the task would have returned (null for none). */
  record Done(Object vimResult) implements ProbeResult {}

  /** The work did not happen: submitting is safe. */
  record NotDone() implements ProbeResult {}

  /** Nothing tells whether it happened; submitting could do it twice. */
  record Unknown(String why) implements ProbeResult {}

  static ProbeResult done(Object vimResult) {
    return new Done(vimResult);
  }

  static ProbeResult notDone() {
    return new NotDone();
  }

  static ProbeResult unknown(String why) {
    return new Unknown(why);
  }
}
