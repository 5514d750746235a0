package io.vspheretemporal.workflows.common;

import io.temporal.failure.ApplicationFailure;
import io.vspheretemporal.api.FailureTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a workflow's input before anything runs. A bad request fails the workflow at once with
 * {@code InvalidRequest} naming every bad field (throwing anything else from workflow code would
 * retry the workflow task forever).
 */
public final class Requests {
  private final String workflow;
  private final List<String> problems = new ArrayList<>();

  public Requests(String workflow) {
    this.workflow = workflow;
  }

  public Requests required(String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is required");
    }
    return this;
  }

  public Requests positive(String field, Number value) {
    if (value != null && value.longValue() <= 0) {
      problems.add(field + " must be at least 1, got " + value);
    }
    return this;
  }

  public Requests check(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
    return this;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Adds another request's problems, each prefixed (e.g. {@code vms[3] web-04: }). */
  public Requests include(String prefix, List<String> more) {
    more.forEach(p -> problems.add(prefix + p));
    return this;
  }

  /** Throws the workflow's failure when anything was wrong. */
  public void orFail() {
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          workflow + " request rejected, nothing was changed in vSphere: " + String.join("; ", problems),
          FailureTypes.INVALID_REQUEST);
    }
  }
}
