package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.api.FailureTypes;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.EntityActivities;
import io.vspheretemporal.api.vm.CloneVmRequest;
import io.vspheretemporal.api.vm.VmActivities;
import io.vspheretemporal.testing.NoVSphereChange;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * References a step cannot use: to an object that is gone, that never was, on a vCenter the worker
 * does not know, or a name vSphere already has. Each fails once, not retried, saying what to do,
 * and vSphere is as it was ({@link NoVSphereChange}).
 */
@VcSim(taskMillis = 300)
class BadReferencesTest {
  static SimWorker worker;
  TestActivityEnvironment env;
  VmActivities vms;
  EntityActivities entities;
  SimRefs refs;

  @BeforeAll
  static void connect(Simulator sim) {
    worker = new SimWorker(sim, SecretResolver.none());
  }

  @AfterAll
  static void disconnect() {
    worker.close();
  }

  @BeforeEach
  void start(Simulator sim) {
    env = worker.environment();
    vms = SimWorker.stub(env, VmActivities.class);
    entities = SimWorker.stub(env, EntityActivities.class);
    refs = new SimRefs(sim);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aStaleReferenceToADeletedVmFailsManagedObjectNotFoundNamingIt(Simulator sim) {
    MoRef vm = vms.cloneVm(CloneVmRequest.of(refs.template("tmpl-ubuntu"), refs.vmFolder(), "stale-01", refs.clusterPool()));
    entities.destroy(vm);
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> vms.powerOnVm(vm));

    assertThat(f.getType()).isEqualTo("ManagedObjectNotFound");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).startsWith("PowerOnVM_Task on stale-01: VirtualMachine " + vm.value()
        + " does not exist in vSphere (it was deleted, or the reference is wrong); look it up again.");
    proof.assertRefusedOnce("PowerOnVM_Task");
  }

  @Test
  void aMalformedReferenceIsNotFoundTheSameWay(Simulator sim) {
    MoRef malformed = SimVCenter.ref(MoRef.VIRTUAL_MACHINE, "vm 42!", null);
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> entities.destroy(malformed));

    assertThat(f.getType()).isEqualTo("ManagedObjectNotFound");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("Destroy_Task on vm 42!: VirtualMachine vm 42! does not exist in vSphere");
    proof.assertRefusedOnce("Destroy_Task");
  }

  @Test
  void aStepOnAVCenterTheWorkerDoesNotKnowFailsBeforeConnecting(Simulator sim) {
    MoRef elsewhere = MoRef.of("vc-nope", MoRef.VIRTUAL_MACHINE, refs.vm("DC0_H0_VM0").value());
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> vms.powerOffVm(elsewhere));

    assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_VCENTER);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).isEqualTo("no vCenter named 'vc-nope' is configured on this worker (configured: "
        + SimVCenter.NAME + "); use one of those names in the request");
    proof.assertNotContacted();
  }

  @Test
  void aCloneOntoANameTheFolderHasFailsDuplicateNameAndLeavesThatVm(Simulator sim) {
    NoVSphereChange proof = NoVSphereChange.before(sim);

    ApplicationFailure f = failure(() -> vms.cloneVm(
        CloneVmRequest.of(refs.template("tmpl-ubuntu"), refs.vmFolder(), "DC0_H0_VM0", refs.clusterPool())));

    assertThat(f.getType()).isEqualTo("DuplicateName");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).isEqualTo("The name 'DC0_H0_VM0' already exists.");
    assertThat(sim.control().vms("DC0_H0_VM0")).as("still one VM of that name").hasSize(1);
    proof.assertRefusedOnce("CloneVM_Task");
  }

  static ApplicationFailure failure(Runnable call) {
    ActivityFailure f = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(f).as("the step should fail").isNotNull();
    assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) f.getCause();
  }
}
