package com.feesmanager.automation.bootstrap.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Compose file as {@code docker compose --env-file .env config} would see it, without a Docker
 * engine: variables interpolated as the Compose Specification says, and the services of profiles
 * not enabled (by {@code COMPOSE_PROFILES}) left out.
 */
final class ComposeProject {

  /**
   * {@code $$}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME?error}} …, {@code $NAME}.
   */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private static final YAMLMapper YAML = new YAMLMapper();

  private ComposeProject() {}

  /** The file as written, nothing interpolated. */
  static JsonNode raw(Path file) throws IOException {
    return YAML.readTree(Files.readString(file));
  }

  /** The file interpolated with {@code env}, with only the services of the enabled profiles. */
  static ObjectNode resolve(Path file, Map<String, String> env) throws IOException {
    ObjectNode project = (ObjectNode) interpolate(raw(file), env);
    Set<String> enabled =
        Arrays.stream(env.getOrDefault("COMPOSE_PROFILES", "").split(","))
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .collect(Collectors.toSet());
    ObjectNode services = (ObjectNode) project.get("services");
    List<String> disabled = new ArrayList<>();
    services
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode profiles = service.getValue().path("profiles");
              if (profiles.isArray() && profiles.size() > 0) {
                boolean on = false;
                for (JsonNode profile : profiles) {
                  on |= enabled.contains(profile.asText());
                }
                if (!on) {
                  disabled.add(service.getKey());
                }
              }
            });
    disabled.forEach(services::remove);
    return project;
  }

  /** Every variable the file names (in {@code ${…}} or {@code $NAME}, not {@code $$…}). */
  static Set<String> variables(Path file) throws IOException {
    Set<String> names = new java.util.TreeSet<>();
    Matcher m = VARIABLE.matcher(Files.readString(file));
    while (m.find()) {
      if (m.group(1) != null) {
        names.add(m.group(1));
      } else if (m.group(4) != null) {
        names.add(m.group(4));
      }
    }
    return names;
  }

  /**
   * The variables of an env file as Compose reads them: {@code NAME=value} lines, comments and
   * blank lines skipped, one pair of surrounding quotes removed.
   */
  static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
        continue;
      }
      String name = trimmed.substring(0, trimmed.indexOf('=')).strip();
      String value = trimmed.substring(trimmed.indexOf('=') + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("'") && value.endsWith("'")
              || value.startsWith("\"") && value.endsWith("\""))) {
        value = value.substring(1, value.length() - 1);
      }
      env.put(name, value);
    }
    return env;
  }

  static JsonNode interpolate(JsonNode node, Map<String, String> env) {
    if (node.isTextual()) {
      return TextNode.valueOf(interpolate(node.asText(), env));
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(interpolate(item, env)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), interpolate(field.getValue(), env));
      }
      return copy;
    }
    return node;
  }

  /** One string interpolated; a required variable that is missing is an exception. */
  static String interpolate(String text, Map<String, String> env) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else if (m.group(4) != null) {
        replacement = env.getOrDefault(m.group(4), "");
      } else {
        String name = m.group(1);
        String operator = m.group(2);
        String argument = m.group(3);
        String value = env.get(name);
        boolean missing =
            value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
        if (operator == null) {
          replacement = value == null ? "" : value;
        } else if (operator.endsWith("-")) {
          replacement = missing ? argument : value;
        } else if (missing) {
          throw new IllegalArgumentException("required variable " + name + ": " + argument);
        } else {
          replacement = value;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
