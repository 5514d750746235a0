package io.vspheretemporal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.vspheretemporal.api.guest.GuestProgress;
import io.vspheretemporal.api.guest.GuestWaitRequest;
import io.vspheretemporal.api.inventory.InventoryLookup;
import io.vspheretemporal.api.inventory.VmState;
import org.junit.jupiter.api.Test;

/** Payloads must survive Temporal's default (Jackson) converter unchanged, as workflows pass them. */
class PayloadRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    var payload = CONVERTER.toPayload(value).orElseThrow();
    return (T) CONVERTER.fromPayload(payload, value.getClass(), value.getClass());
  }

  @Test
  void inventoryLookupsRoundTrip() {
    InventoryLookup path = InventoryLookup.of("vc1", "DC0/vm/web-01");
    InventoryLookup name = InventoryLookup.of("vc1", "web-01");

    assertThat(roundTrip(path)).isEqualTo(path).satisfies(l -> assertThat(l.isPath()).isTrue());
    assertThat(roundTrip(name)).isEqualTo(name).satisfies(l -> assertThat(l.isPath()).isFalse());
  }

  @Test
  void guestPayloadsRoundTrip() {
    MoRef vm = new MoRef("vc1", MoRef.VIRTUAL_MACHINE, "vm-42", "web-01");
    GuestProgress progress = new GuestProgress("web-01", "an IPv4 address", "guestToolsRunning", null, 3);

    assertThat(roundTrip(new GuestWaitRequest(vm, 60))).isEqualTo(new GuestWaitRequest(vm, 60));
    assertThat(roundTrip(progress)).isEqualTo(progress);
    VmState state = new VmState(vm, true, "web-01", "poweredOn", 2, 4096L, false, "guestToolsRunning", "10.0.0.5");
    assertThat(roundTrip(state)).isEqualTo(state);
    assertThat(roundTrip(VmState.gone(vm))).isEqualTo(VmState.gone(vm));
  }
}
