package com.feesmanager.automation.adapters.firestore;

import com.google.cloud.Timestamp;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Firestore's REST JSON values ({@code {"integerValue": "7"}} …) to and from the Java values the
 * gRPC client's {@code DocumentSnapshot.getData()} hands out: Long, Double, Boolean, String, null,
 * {@link Timestamp}, Map and List. So {@link FirestoreValues#plain}, the domain's mappers and
 * {@link WrittenDocuments} read and write REST documents unchanged.
 *
 * <p>The rare types have no SDK class here (those live in the gRPC client's package, which the REST
 * path must not load): bytes, geo points and references become the records {@link Blob}, {@link
 * GeoPoint} and {@link DocumentReference}, named as the SDK's classes are, so a mapper that finds
 * one where it wants a string reports it in the same words ("found a Blob"); they are written back
 * as they were read.
 */
final class RestValues {

  private RestValues() {}

  /** Bytes ({@code bytesValue}); the SDK's {@code Blob}. */
  record Blob(byte[] bytes) {
    Blob {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Blob blob && Arrays.equals(bytes, blob.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Blob[" + bytes.length + " bytes]";
    }
  }

  /** A {@code geoPointValue}; the SDK's {@code GeoPoint}. */
  record GeoPoint(double latitude, double longitude) {}

  /**
   * A {@code referenceValue}: the full resource name ({@code projects/p/databases/d/documents/…});
   * the SDK's {@code DocumentReference}.
   */
  record DocumentReference(String name) {}

  /** A document's {@code fields} as Java values (an absent object is an empty document). */
  static Map<String, Object> decodeFields(JsonObject fields) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (fields != null) {
      for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
        data.put(field.getKey(), decode(field.getValue().getAsJsonObject()));
      }
    }
    return data;
  }

  /** One {@code Value} object as a Java value. */
  static Object decode(JsonObject value) {
    if (value.has("nullValue")) {
      return null;
    }
    if (value.has("booleanValue")) {
      return value.get("booleanValue").getAsBoolean();
    }
    if (value.has("integerValue")) {
      // int64 travels as a JSON string
      return value.get("integerValue").getAsLong();
    }
    if (value.has("doubleValue")) {
      // a number, or "NaN" / "Infinity" / "-Infinity" as strings: Double.parseDouble takes both
      return value.get("doubleValue").getAsDouble();
    }
    if (value.has("timestampValue")) {
      Instant at = OffsetDateTime.parse(value.get("timestampValue").getAsString()).toInstant();
      return Timestamp.ofTimeSecondsAndNanos(at.getEpochSecond(), at.getNano());
    }
    if (value.has("stringValue")) {
      return value.get("stringValue").getAsString();
    }
    if (value.has("mapValue")) {
      JsonObject map = value.getAsJsonObject("mapValue");
      return decodeFields(map.has("fields") ? map.getAsJsonObject("fields") : null);
    }
    if (value.has("arrayValue")) {
      JsonObject array = value.getAsJsonObject("arrayValue");
      List<Object> list = new ArrayList<>();
      if (array.has("values")) {
        for (JsonElement element : array.getAsJsonArray("values")) {
          list.add(decode(element.getAsJsonObject()));
        }
      }
      return list;
    }
    if (value.has("bytesValue")) {
      return new Blob(Base64.getDecoder().decode(value.get("bytesValue").getAsString()));
    }
    if (value.has("geoPointValue")) {
      JsonObject point = value.getAsJsonObject("geoPointValue");
      return new GeoPoint(number(point, "latitude"), number(point, "longitude"));
    }
    if (value.has("referenceValue")) {
      return new DocumentReference(value.get("referenceValue").getAsString());
    }
    throw new IllegalArgumentException("not a Firestore value: " + value.keySet());
  }

  private static double number(JsonObject object, String name) {
    // proto3 JSON leaves a zero out
    return object.has(name) ? object.get(name).getAsDouble() : 0;
  }

  /** Java values (as the SDK's {@code set} takes them) as a document's {@code fields}. */
  static JsonObject encodeFields(Map<String, ?> data) {
    JsonObject fields = new JsonObject();
    data.forEach((name, value) -> fields.add(name, encode(value)));
    return fields;
  }

  /** One Java value as a {@code Value} object; a type Firestore cannot store is an error. */
  static JsonObject encode(Object value) {
    JsonObject encoded = new JsonObject();
    if (value == null) {
      encoded.add("nullValue", JsonNull.INSTANCE);
    } else if (value instanceof Boolean flag) {
      encoded.addProperty("booleanValue", flag);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      encoded.addProperty("integerValue", Long.toString(((Number) value).longValue()));
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      encoded.add(
          "doubleValue",
          Double.isFinite(number)
              ? new JsonPrimitive(number)
              : new JsonPrimitive(Double.toString(number)));
    } else if (value instanceof String text) {
      encoded.addProperty("stringValue", text);
    } else if (value instanceof Timestamp timestamp) {
      encoded.addProperty("timestampValue", FirestoreValues.toInstant(timestamp).toString());
    } else if (value instanceof Instant instant) {
      encoded.addProperty("timestampValue", instant.toString());
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> named = new LinkedHashMap<>();
      map.forEach((key, element) -> named.put(String.valueOf(key), element));
      JsonObject mapValue = new JsonObject();
      mapValue.add("fields", encodeFields(named));
      encoded.add("mapValue", mapValue);
    } else if (value instanceof List<?> list) {
      JsonArray values = new JsonArray();
      list.forEach(element -> values.add(encode(element)));
      JsonObject arrayValue = new JsonObject();
      arrayValue.add("values", values);
      encoded.add("arrayValue", arrayValue);
    } else if (value instanceof Blob blob) {
      encoded.addProperty("bytesValue", Base64.getEncoder().encodeToString(blob.bytes()));
    } else if (value instanceof GeoPoint point) {
      JsonObject geo = new JsonObject();
      geo.addProperty("latitude", point.latitude());
      geo.addProperty("longitude", point.longitude());
      encoded.add("geoPointValue", geo);
    } else if (value instanceof DocumentReference reference) {
      encoded.addProperty("referenceValue", reference.name());
    } else {
      throw new IllegalArgumentException(
          "Firestore cannot store a " + value.getClass().getSimpleName());
    }
    return encoded;
  }
}
