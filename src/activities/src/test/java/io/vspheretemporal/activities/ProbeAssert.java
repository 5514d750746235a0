package io.vspheretemporal.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import io.vspheretemporal.activities.catalog.ProbeResult;

/** Assertions on what a probe found (yavijava's refs have no equals, so results compare by type and value). */
public final class ProbeAssert {
  private ProbeAssert() {}

  public static void assertNotDone(ProbeResult result) {
    assertThat(result).isInstanceOf(ProbeResult.NotDone.class);
  }

  /** Done, with no result (operations that return nothing). */
  public static void assertDone(ProbeResult result) {
    assertThat(result).isInstanceOfSatisfying(ProbeResult.Done.class, d -> assertThat(d.vimResult()).isNull());
  }

  /** Done, with the managed object the task would have returned. */
  public static void assertDoneWith(ProbeResult result, String type, String value) {
    assertThat(result).isInstanceOfSatisfying(ProbeResult.Done.class, d ->
        assertThat(d.vimResult()).isInstanceOfSatisfying(ManagedObjectReference.class, ref -> {
          assertThat(ref.getType()).isEqualTo(type);
          assertThat(ref.getVal()).isEqualTo(value);
        }));
  }
}
