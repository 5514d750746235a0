package io.vspheretemporal.worker.runtime;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes runs findable: the worker registers the search attributes {@value #VCENTER} and
 * {@value #VM_NAME} where the server allows it (a dev server does; Temporal Cloud needs them added
 * in its console), and starters set them when they exist. Memo fields with the same facts are set
 * on every run regardless.
 */
public final class RunAttributes {
  public static final String VCENTER = "VSphereVCenter";
  public static final String VM_NAME = "VSphereVmName";
  public static final SearchAttributeKey<String> VCENTER_KEY = SearchAttributeKey.forKeyword(VCENTER);
  public static final SearchAttributeKey<String> VM_NAME_KEY = SearchAttributeKey.forKeyword(VM_NAME);
  private static final Logger log = LoggerFactory.getLogger(RunAttributes.class);

  private RunAttributes() {}

  /** Registers both attributes if missing; false (logged) when the server does not let us. */
  public static boolean register(WorkflowServiceStubs service, String namespace) {
    try {
      OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
          OperatorServiceStubsOptions.newBuilder().setChannel(service.getRawChannel()).validateAndBuildWithDefaults());
      if (present(operator, namespace)) {
        return true;
      }
      operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
          .setNamespace(namespace)
          .putSearchAttributes(VCENTER, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .putSearchAttributes(VM_NAME, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .build());
      log.info("registered search attributes {} and {} in namespace {}", VCENTER, VM_NAME, namespace);
      return true;
    } catch (RuntimeException e) {
      log.info("search attributes {} and {} are not registered ({}); runs stay findable by their memo."
          + " Add them as Keyword attributes to search by vCenter and VM name.", VCENTER, VM_NAME, e.getMessage());
      return false;
    }
  }

  /** Whether both attributes exist, so a starter may set them. */
  public static boolean available(WorkflowServiceStubs service, String namespace) {
    try {
      OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
          OperatorServiceStubsOptions.newBuilder().setChannel(service.getRawChannel()).validateAndBuildWithDefaults());
      return present(operator, namespace);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean present(OperatorServiceStubs operator, String namespace) {
    Map<String, IndexedValueType> custom = operator.blockingStub()
        .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
        .getCustomAttributesMap();
    return custom.containsKey(VCENTER) && custom.containsKey(VM_NAME);
  }

  public static io.temporal.common.SearchAttributes typed(String vcenter, String vmName) {
    io.temporal.common.SearchAttributes.Builder b = io.temporal.common.SearchAttributes.newBuilder().set(VCENTER_KEY, vcenter);
    if (vmName != null) {
      b.set(VM_NAME_KEY, vmName);
    }
    return b.build();
  }
}
