package io.vspheretemporal.activities.entity;

import static io.vspheretemporal.activities.ProbeAssert.assertDone;
import static io.vspheretemporal.activities.ProbeAssert.assertNotDone;
import static io.vspheretemporal.activities.entity.EntityOperations.DESTROY;
import static io.vspheretemporal.activities.entity.EntityOperations.RENAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.vspheretemporal.activities.SimRefs;
import io.vspheretemporal.activities.SimWorker;
import io.vspheretemporal.activities.catalog.OperationContext;
import io.vspheretemporal.activities.session.SecretResolver;
import io.vspheretemporal.activities.vm.VmOperations;
import io.vspheretemporal.api.MoRef;
import io.vspheretemporal.api.entity.RenameRequest;
import io.vspheretemporal.testing.Simulator;
import io.vspheretemporal.testing.VcSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Destroy is done once the entity is gone, rename once it has the new name. */
@VcSim(taskMillis = 500)
class EntityProbesTest {
  static SimWorker worker;
  OperationContext ctx;
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
  void context(Simulator sim) {
    ctx = worker.context("vt-entity-probe-test", SecretResolver.none());
    refs = new SimRefs(sim);
  }

  @Test
  void destroyIsDoneOnceTheEntityIsGone() throws Exception {
    MoRef vm = refs.vm("DC0_H0_VM0");
    assertThat(worker.submitAndWait(VmOperations.POWER_OFF, vm, ctx).succeeded()).isTrue();
    assertNotDone(DESTROY.probe().probe(ctx, vm));

    assertThat(worker.submitAndWait(DESTROY, vm, ctx).succeeded()).isTrue();

    assertDone(DESTROY.probe().probe(ctx, vm));
  }

  @Test
  void renameIsDoneOnceTheEntityHasTheNewName() throws Exception {
    MoRef cluster = refs.cluster();
    RenameRequest request = new RenameRequest(cluster, "production");
    assertNotDone(RENAME.probe().probe(ctx, request));

    assertThat(worker.submitAndWait(RENAME, request, ctx).succeeded()).isTrue();

    assertDone(RENAME.probe().probe(ctx, request));
    assertNotDone(RENAME.probe().probe(ctx, new RenameRequest(cluster, "DC0_C0")));
  }
}
