package io.vspheretemporal.activities.watch;

import io.vspheretemporal.activities.vim.ObjectKey;

import java.util.Map;

/**
 * The watched properties of one object as last reported, or {@code gone} once vSphere no longer
 * knows the object. {@code unreadable} says why the watch had to stop when vSphere sent values
 * this worker cannot parse. {@code sequence} increases with every change delivered.
 */
public record ObjectState(
    ObjectKey object, Map<String, Object> properties, boolean gone, String unreadable, long sequence) {
  public Object get(String path) {
    return properties.get(path);
  }
}
