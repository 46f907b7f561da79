package org.newsgraph.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits rendered YAML into objects and checks each against its schema: Kubernetes kinds are bound
 * to the fabric8 model (wrong types fail; fields the model does not know, which fabric8 would
 * quietly keep aside, are reported), custom resources get {@link CustomResources}' structural
 * check. An object that fails its schema is reported and left out of the rule checks.
 */
final class ManifestParser {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

  private final List<RenderedObject> objects = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();

  static ManifestParser parse(String yaml) {
    ManifestParser parser = new ManifestParser();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      int index = 0;
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        index++;
        if (document != null && !document.isNull() && !document.isEmpty()) {
          parser.add(index, document);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("not YAML: " + e.getMessage(), e);
    }
    return parser;
  }

  List<RenderedObject> objects() {
    return objects;
  }

  List<Violation> violations() {
    return violations;
  }

  private void add(int index, JsonNode tree) {
    String apiVersion = tree.path("apiVersion").asText("");
    String kind = tree.path("kind").asText("");
    String name = tree.path("metadata").path("name").asText("");
    String id = (kind.isEmpty() ? "document#" + index : kind) + "/" + name;
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      violations.add(new Violation(id, "schema", "needs apiVersion, kind and metadata.name"));
      return;
    }
    if (CustomResources.knows(apiVersion, kind)) {
      List<Violation> found = CustomResources.check(id, apiVersion, kind, tree);
      violations.addAll(found);
      if (found.isEmpty()) {
        objects.add(new RenderedObject(apiVersion, kind, name, tree, null));
      }
      return;
    }
    KubernetesResource bound;
    try {
      bound = YAML.treeToValue(tree, KubernetesResource.class);
    } catch (JsonProcessingException e) {
      violations.add(new Violation(id, "schema", e.getOriginalMessage() + " at " + path(e)));
      return;
    }
    if (bound instanceof GenericKubernetesResource || !(bound instanceof HasMetadata typed)) {
      violations.add(new Violation(id, "schema", "no schema known for " + apiVersion + " " + kind));
      return;
    }
    List<Violation> unknown = new ArrayList<>();
    reportUnknownFields(id, "", typed, unknown);
    violations.addAll(unknown);
    if (unknown.isEmpty()) {
      objects.add(new RenderedObject(apiVersion, kind, name, tree, typed));
    }
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping) {
      StringBuilder path = new StringBuilder();
      for (var reference : mapping.getPath()) {
        path.append(
            reference.getFieldName() != null
                ? "." + reference.getFieldName()
                : "[" + reference.getIndex() + "]");
      }
      return path.length() == 0 ? "(top)" : path.substring(1);
    }
    return "(unknown position)";
  }

  /**
   * fabric8 models accept any field and keep the ones they do not know in "additionalProperties";
   * walks the bound object and reports every such field with its path (e.g. a misspelt probe).
   */
  private static void reportUnknownFields(
      String id, String path, Object value, List<Violation> found) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        reportUnknownFields(id, path + "[" + i + "]", list.get(i), found);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> reportUnknownFields(id, path + "." + key, item, found));
      return;
    }
    if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (invoke(getter, value) instanceof Map<?, ?> extra) {
          for (Object field : extra.keySet()) {
            found.add(
                new Violation(
                    id, "schema", "unknown field '" + join(path, String.valueOf(field)) + "'"));
          }
        }
      } else if (getter.isAnnotationPresent(JsonProperty.class)) {
        String field = getter.getAnnotation(JsonProperty.class).value();
        reportUnknownFields(id, join(path, field), invoke(getter, value), found);
      }
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }
}
