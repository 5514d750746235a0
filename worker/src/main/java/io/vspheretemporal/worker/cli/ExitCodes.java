package io.vspheretemporal.worker.cli;

/** Exit statuses scripts can rely on. */
public final class ExitCodes {
  /** Done, or the run succeeded. */
  public static final int OK = 0;
  /** The run failed or was cancelled (with --wait), or an unexpected error. */
  public static final int FAILURE = 1;
  /** Bad usage or configuration, or Temporal cannot be reached: nothing was started. */
  public static final int CONFIG = 2;

  private ExitCodes() {}
}
