package com.feesmanager.automation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The JSON text of the HTTP bodies and the CLI's {@code --json} lines, byte for byte what Jackson
 * (through Micronaut serde) wrote before issue 16.
 */
class JsonTextTest {

  @Test
  void members_in_order_nulls_written_and_integers_without_a_fraction() {
    // given
    JsonObject json = new JsonObject();
    json.addProperty("status", "UP");
    json.addProperty("detail", (String) null);
    json.addProperty("count", 2);
    json.addProperty("dead", Long.MAX_VALUE);
    json.addProperty("ok", true);
    json.add("nothing", JsonNull.INSTANCE);
    json.add("empty", new JsonArray());
    json.add("none", new JsonObject());

    // when / then
    assertThat(JsonText.of(json))
        .isEqualTo(
            "{\"status\":\"UP\",\"detail\":null,\"count\":2,\"dead\":9223372036854775807,"
                + "\"ok\":true,\"nothing\":null,\"empty\":[],\"none\":{}}");
  }

  @Test
  void strings_are_not_html_escaped_and_control_characters_and_surrogates_are_escaped() {
    // given
    JsonObject json = new JsonObject();
    json.addProperty(
        "m<i>d", "data:image/png;base64,iVBORw0KGgo= <b>&'x' \"q\" a\\b\t\n\r\b\f\u0001\u001f");
    json.addProperty("text", "اردو 😀 \u2028\u2029\u007f lone\ud800");

    // when / then
    assertThat(JsonText.of(json))
        .isEqualTo(
            "{\"m<i>d\":\"data:image/png;base64,iVBORw0KGgo= <b>&'x' \\\"q\\\" a\\\\b"
                + "\\t\\n\\r\\b\\f\\u0001\\u001F\","
                + "\"text\":\"اردو \\uD83D\\uDE00 \u2028\u2029\u007f lone\\uD800\"}");
  }
}
