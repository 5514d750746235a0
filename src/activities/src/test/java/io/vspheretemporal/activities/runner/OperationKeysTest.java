package io.vspheretemporal.activities.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInfo;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationKeysTest {

  static ActivityInfo info(String namespace, String workflowId, String activityId) {
    Map<String, Object> values = Map.of("getNamespace", namespace, "getWorkflowId", workflowId, "getActivityId", activityId);
    return (ActivityInfo) Proxy.newProxyInstance(ActivityInfo.class.getClassLoader(), new Class<?>[] {ActivityInfo.class},
        (proxy, method, args) -> values.get(method.getName()));
  }

  @Test
  void aKeyNamesItsWorkflowAndIsStableAcrossAttempts() {
    String key = OperationKeys.of(info("default", "provision-web-01", "7"), "CloneVM_Task");
    assertThat(key).matches("provision-web-01/7#[0-9a-f]{12}");
    assertThat(OperationKeys.of(info("default", "provision-web-01", "7"), "CloneVM_Task")).isEqualTo(key);
    assertThat(OperationKeys.workflowId(key)).contains("provision-web-01");
  }

  @Test
  void stepsOfOtherWorkflowsNamespacesOrOperationsGetOtherKeys() {
    String key = OperationKeys.of(info("default", "wf", "1"), "CloneVM_Task");
    assertThat(OperationKeys.of(info("other", "wf", "1"), "CloneVM_Task")).isNotEqualTo(key);
    assertThat(OperationKeys.of(info("default", "wf", "2"), "CloneVM_Task")).isNotEqualTo(key);
    assertThat(OperationKeys.of(info("default", "wf", "1"), "PowerOnVM_Task")).isNotEqualTo(key);
  }

  @Test
  void aLongWorkflowIdIsShortenedAndThenNotClaimed() {
    String longId = "fleet/".repeat(30);
    String key = OperationKeys.of(info("default", longId, "3"), "CloneVM_Task");
    assertThat(key.length()).isLessThan(110);
    assertThat(OperationKeys.workflowId(key)).isEmpty();
    assertThat(OperationKeys.workflowId("fleet-1/web-01/12#0123456789ab")).contains("fleet-1/web-01");
    assertThat(OperationKeys.workflowId("not a key")).isEmpty();
  }
}
