package org.newsgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object of a rendered overlay: its YAML as a tree and, for the kinds Kubernetes defines, the
 * fabric8 model it was bound to ({@code null} for custom resources, which are checked on the tree).
 */
record RenderedObject(
    String apiVersion, String kind, String name, JsonNode tree, HasMetadata typed) {

  String id() {
    return kind + "/" + name;
  }

  <T> T as(Class<T> type) {
    return type.cast(typed);
  }

  boolean is(Class<?> type) {
    return type.isInstance(typed);
  }
}
