package io.vspheretemporal.activities.watch;

import io.vspheretemporal.activities.vim.ObjectKey;

import java.util.Map;

/**
 * The watched properties of one object as last reported, or {@code gone} once vSphere no longer
 * knows the object. {@code sequence} increases with every change delivered.
 */
public record ObjectState(ObjectKey object, Map<String, Object> properties, boolean gone, long sequence) {
  public Object get(String path) {
    return properties.get(path);
  }
}
