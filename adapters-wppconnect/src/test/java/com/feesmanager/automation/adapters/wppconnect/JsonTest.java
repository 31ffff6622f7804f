package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON sent to and read from wppconnect-server, byte for byte what it was when Jackson (through
 * Micronaut serde) wrote and read it, before issue 16.
 */
class JsonTest {

  private static Optional<Object> read(String text) {
    return Json.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_send_message_body_keeps_its_field_order_and_jacksons_escaping() {
    // given
    JsonObject body = new JsonObject();
    body.addProperty("phone", "923001234567");
    body.addProperty(
        "message", "Fee <due> & paid='no' \"now\" back\\slash\ttab\nline \u0001\u001b اردو 😀");
    body.addProperty("isGroup", false);

    // when
    String written = new String(Json.write(body), StandardCharsets.UTF_8);

    // then: no HTML escaping; control characters and surrogates as upper-case escapes
    assertThat(written)
        .isEqualTo(
            "{\"phone\":\"923001234567\",\"message\":\"Fee <due> & paid='no' \\\"now\\\""
                + " back\\\\slash\\ttab\\nline \\u0001\\u001B اردو \\uD83D\\uDE00\","
                + "\"isGroup\":false}");
  }

  @Test
  void line_separators_and_delete_are_written_as_they_are_and_a_lone_surrogate_escaped() {
    // given
    JsonObject body = new JsonObject();
    body.addProperty("message", "a\u2028b\u2029c\u007fd\ud800e\b\f\r");

    // when
    String written = new String(Json.write(body), StandardCharsets.UTF_8);

    // then
    assertThat(written).isEqualTo("{\"message\":\"a\u2028b\u2029c\u007fd\\uD800e\\b\\f\\r\"}");
  }

  @Test
  void numbers_read_as_integer_long_or_big_integer_by_size_and_as_double_with_a_fraction() {
    // when
    Map<?, ?> body =
        Json.readObject(
                ("{\"ack\":3,\"t\":1764072000123,\"huge\":12345678901234567890,"
                        + "\"half\":2.5,\"two\":2.0,\"e\":1e3,\"far\":1e400}")
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow();

    // then
    assertThat(body.get("ack")).isEqualTo(3);
    assertThat(body.get("t")).isEqualTo(1764072000123L);
    assertThat(body.get("huge")).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(body.get("half")).isEqualTo(2.5);
    assertThat(body.get("two")).isEqualTo(2.0);
    assertThat(body.get("e")).isEqualTo(1000.0);
    assertThat(body.get("far")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Json.number(body.get("t"))).contains(1764072000123L);
    assertThat(Json.integer(body.get("two"))).contains(2);
  }

  @Test
  void values_of_every_kind_read_as_maps_lists_strings_booleans_and_null_in_order() {
    // when
    Object value = read("{\"b\":true,\"a\":[1,\"x\",null,{}],\"n\":null,\"s\":\"\\u00e9\"}").get();

    // then
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(List.<Object>copyOf(map.keySet())).containsExactly("b", "a", "n", "s");
    assertThat(map.get("b")).isEqualTo(true);
    assertThat(map.get("a")).isEqualTo(Arrays.asList(1, "x", null, Map.of()));
    assertThat(map.containsKey("n")).isTrue();
    assertThat(map.get("s")).isEqualTo("é");
    assertThat(read("[1]")).contains(List.of(1));
    assertThat(read("\"text\"")).contains("text");
  }

  @Test
  void what_is_not_strict_json_reads_as_nothing_and_what_follows_the_first_value_is_ignored() {
    for (String notJson :
        List.of(
            "",
            "  ",
            "null",
            "{\"a\":1,}",
            "{'a':1}",
            "{a:1}",
            "{\"a\":1 // note\n}",
            "{\"a\":NaN}",
            "{\"a\":01}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":1",
            "Service Unavailable")) {
      assertThat(read(notJson)).as(notJson).isEmpty();
    }
    assertThat(read("{\"a\":" + "[".repeat(999) + "]".repeat(999) + "}")).isPresent();
    assertThat(read("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}")).isEmpty();
    assertThat(Json.read("{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(read("{\"a\":1} trailing")).contains(Map.of("a", 1));
    assertThat(read("\uFEFF{\"a\":1}")).contains(Map.of("a", 1));
  }
}
