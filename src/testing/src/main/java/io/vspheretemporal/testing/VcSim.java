package io.vspheretemporal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against one vSphere simulator on a free loopback port. Test methods,
 * constructors and {@code @BeforeAll} methods receive it as a {@link Simulator} parameter.
 * Before each test the simulator's faults are cleared, its timing restored and its counters reset.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(VcSimExtension.class)
public @interface VcSim {
  /** Serve HTTPS with a self-signed certificate. */
  boolean tls() default false;

  /** How long each task runs, in milliseconds. */
  long taskMillis() default 2000;

  /** Delay between power-on and the guest reporting an IP, in milliseconds. */
  long guestDelayMillis() default 1000;

  /** How long tasks stay queued, in milliseconds. */
  long queueDelayMillis() default 50;
}
