package io.vspheretemporal.activities.catalog;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.session.VimCall;
import io.vspheretemporal.api.MoRef;
import java.rmi.RemoteException;
import java.util.List;
import java.util.function.Function;

/**
 * One vSphere {@code *_Task} operation: how to check its request, start it, type its result, and
 * tell without the task whether its work already happened.
 *
 * @param name the vSphere method, e.g. {@code CloneVM_Task}
 * @param entityType the managed object type it runs on
 * @param cancelable whether vSphere lets a user cancel it while it runs (vSphere's own
 *     {@code TaskInfo.cancelable} decides at run time; this is for documentation and summaries)
 * @param target the object the task runs on; its vCenter selects the session
 * @param validate the request's problems, each naming the field; empty when it is fine
 * @param submit starts the task
 * @param probe whether the work is done, for when a retried step has lost its task
 */
public record Operation<Q, R>(
    String name,
    String entityType,
    boolean cancelable,
    ResultType<Q, R> result,
    Function<Q, MoRef> target,
    Function<Q, List<String>> validate,
    Submit<Q> submit,
    Probe<Q> probe) {

  /** Builds the submitting call; the runner sends it with the step's operationID. */
  @FunctionalInterface
  public interface Submit<Q> {
    VimCall<ManagedObjectReference> call(OperationContext ctx, Q request) throws RemoteException;
  }

  @FunctionalInterface
  public interface Probe<Q> {
    ProbeResult probe(OperationContext ctx, Q request) throws RemoteException;
  }
}
