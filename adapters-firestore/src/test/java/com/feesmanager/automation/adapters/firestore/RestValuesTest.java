package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestValuesTest {

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void each_rest_value_becomes_what_the_grpc_client_hands_out() {
    JsonObject fields =
        json(
            """
            {"n": {"integerValue": "9007199254740993"}, "d": {"doubleValue": 4000.5},
             "whole": {"doubleValue": 500}, "nan": {"doubleValue": "NaN"},
             "inf": {"doubleValue": "-Infinity"}, "b": {"booleanValue": true},
             "s": {"stringValue": "محترم"}, "none": {"nullValue": null},
             "t": {"timestampValue": "2026-11-10T05:00:00.123456Z"},
             "m": {"mapValue": {"fields": {"x": {"integerValue": "1"}}}},
             "empty": {"mapValue": {}}, "noValues": {"arrayValue": {}},
             "l": {"arrayValue": {"values": [{"stringValue": "a"}, {"nullValue": null}]}}}
            """);

    Map<String, Object> data = RestValues.decodeFields(fields);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("n", 9007199254740993L);
    expected.put("d", 4000.5);
    expected.put("whole", 500.0);
    expected.put("nan", Double.NaN);
    expected.put("inf", Double.NEGATIVE_INFINITY);
    expected.put("b", true);
    expected.put("s", "محترم");
    expected.put("none", null);
    expected.put("t", FirestoreValues.toTimestamp(Instant.parse("2026-11-10T05:00:00.123456Z")));
    expected.put("m", Map.of("x", 1L));
    expected.put("empty", Map.of());
    expected.put("noValues", List.of());
    expected.put("l", Arrays.asList("a", null));
    assertThat(data).isEqualTo(expected);
    assertThat(FirestoreValues.plain(data).get("t"))
        .isEqualTo(Instant.parse("2026-11-10T05:00:00.123456Z"));
  }

  @Test
  void java_values_are_written_as_rest_values_and_read_back_equal() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("n", 42L);
    data.put("d", 0.1);
    data.put("nan", Double.NaN);
    data.put("b", false);
    data.put("s", "Dear {guardianName|Parent}");
    data.put("none", null);
    data.put("t", FirestoreValues.toTimestamp(Instant.parse("2026-11-10T05:00:00.123456Z")));
    data.put("m", Map.of("inner", List.of(1L, "two", Map.of("three", 3.0))));
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    data.put("l", withNull);
    data.put("bytes", new RestValues.Blob(new byte[] {0, 1, -1}));
    data.put("geo", new RestValues.GeoPoint(24.86, 67.0));
    data.put(
        "ref",
        new RestValues.DocumentReference(
            "projects/p/databases/(default)/documents/users/u1/students/s1"));

    JsonObject encoded = RestValues.encodeFields(data);

    assertThat(encoded.getAsJsonObject("n").get("integerValue").getAsString()).isEqualTo("42");
    assertThat(encoded.getAsJsonObject("nan").get("doubleValue").getAsString()).isEqualTo("NaN");
    assertThat(encoded.getAsJsonObject("t").get("timestampValue").getAsString())
        .isEqualTo("2026-11-10T05:00:00.123456Z");
    assertThat(encoded.getAsJsonObject("bytes").get("bytesValue").getAsString()).isEqualTo("AAH/");
    assertThat(RestValues.decodeFields(encoded)).isEqualTo(data);
  }

  @Test
  void an_int_and_an_instant_are_stored_as_firestore_stores_them() {
    JsonObject encoded =
        RestValues.encodeFields(Map.of("count", 3, "at", Instant.parse("2026-11-10T05:00:00Z")));

    assertThat(RestValues.decodeFields(encoded))
        .isEqualTo(
            Map.of(
                "count",
                3L,
                "at",
                FirestoreValues.toTimestamp(Instant.parse("2026-11-10T05:00:00Z"))));
  }

  @Test
  void a_value_firestore_cannot_store_is_refused() {
    assertThatThrownBy(() -> RestValues.encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Object");
    assertThatThrownBy(() -> RestValues.decode(json("{\"unknownValue\": 1}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_rare_types_carry_the_sdk_class_names_so_a_mapper_reports_them_alike() {
    assertThat(new RestValues.Blob(new byte[0]).getClass().getSimpleName()).isEqualTo("Blob");
    assertThat(RestValues.GeoPoint.class.getSimpleName()).isEqualTo("GeoPoint");
    assertThat(RestValues.DocumentReference.class.getSimpleName()).isEqualTo("DocumentReference");
  }
}
