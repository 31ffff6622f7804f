package com.feesmanager.automation.adapters.http;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a JSON tree on one line, as the HTTP bodies and the CLI's {@code --json} lines have always
 * been written (by Jackson, through Micronaut serde, until issue 16): members in the order they
 * were added, nulls written, no HTML escaping ({@code <>&='} as they are), the usual short escapes,
 * and any other control character and every UTF-16 surrogate as a backslash-u escape in upper-case
 * hex (an emoji is two of them).
 */
public final class JsonText {

  private static final TypeAdapter<JsonElement> TREES = new Gson().getAdapter(JsonElement.class);

  private JsonText() {}

  /** The tree as one line of JSON text. */
  public static String of(JsonElement json) {
    StringWriter text = new StringWriter();
    try {
      TREES.write(new EscapingWriter(text), json);
    } catch (IOException e) {
      // a StringWriter does not fail
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Gson's writer (nulls written, no HTML escaping), with Jackson's escaping of string values. */
  private static final class EscapingWriter extends JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    EscapingWriter(Writer out) {
      super(out);
    }

    @Override
    public JsonWriter value(String value) throws IOException {
      if (value == null) {
        return nullValue();
      }
      StringBuilder quoted = new StringBuilder(value.length() + 16).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> quoted.append("\\\"");
          case '\\' -> quoted.append("\\\\");
          case '\n' -> quoted.append("\\n");
          case '\r' -> quoted.append("\\r");
          case '\t' -> quoted.append("\\t");
          case '\b' -> quoted.append("\\b");
          case '\f' -> quoted.append("\\f");
          default -> {
            if (c < 0x20 || Character.isSurrogate(c)) {
              quoted.append("\\u");
              for (int shift = 12; shift >= 0; shift -= 4) {
                quoted.append(HEX[(c >> shift) & 0xF]);
              }
            } else {
              quoted.append(c);
            }
          }
        }
      }
      return jsonValue(quoted.append('"').toString());
    }
  }
}
