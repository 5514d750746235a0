package io.vspheretemporal.activities.catalog;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.api.MoRef;
import java.util.function.Function;

/** How a task's {@code info.result} becomes the step's typed result. */
public interface ResultType<Q, R> {

  R from(OperationContext ctx, Q request, Object vimResult);

  /** The expected managed object type of the result, or null when there is no result. */
  String managedObjectType();

  /** Tasks whose result is nothing (power operations, reconfigure, destroy, ...). */
  static <Q> ResultType<Q, Void> none() {
    return new ResultType<>() {
      @Override
      public Void from(OperationContext ctx, Q request, Object vimResult) {
        return null;
      }

      @Override
      public String managedObjectType() {
        return null;
      }
    };
  }

  /** Tasks that return a managed object; {@code name} gives the object's display name from the request. */
  static <Q> ResultType<Q, MoRef> moRef(String type, Function<Q, String> name) {
    return new ResultType<>() {
      @Override
      public MoRef from(OperationContext ctx, Q request, Object vimResult) {
        if (!(vimResult instanceof ManagedObjectReference ref)) {
          throw new IllegalStateException("vSphere returned " + vimResult + " where a " + type + " was expected");
        }
        return ctx.ref(ref.getType(), ref.getVal(), name.apply(request));
      }

      @Override
      public String managedObjectType() {
        return type;
      }
    };
  }
}
