package com.feesmanager.automation.adapters.firestore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which fields a write would change in a stored document: the dotted paths of the leaves (maps are
 * walked, lists and scalars are leaves). A merge touches only the fields it names, so it never
 * removes one; a whole-document write also removes the fields it lacks.
 */
final class DocumentDiff {

  private DocumentDiff() {}

  /** Changed, added and (for a whole-document write) removed field paths, sorted. */
  static List<String> changedFields(
      Map<String, Object> stored, Map<String, Object> written, boolean merge) {
    Map<String, Object> before = flat(stored);
    Map<String, Object> after = flat(written);
    TreeSet<String> changed = new TreeSet<>();
    after.forEach(
        (path, value) -> {
          if (!Objects.equals(before.get(path), value) || !before.containsKey(path)) {
            changed.add(path);
          }
        });
    if (!merge) {
      before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(changed::add);
    }
    return List.copyOf(changed);
  }

  private static Map<String, Object> flat(Map<String, Object> document) {
    Map<String, Object> leaves = new LinkedHashMap<>();
    flatten("", document, leaves);
    return leaves;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> leaves) {
    map.forEach(
        (key, value) -> {
          String path = prefix + key;
          if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            flatten(path + ".", nested, leaves);
          } else {
            leaves.put(path, value);
          }
        });
  }
}
