package com.feesmanager.automation.adapters.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.feesmanager.automation.ports.out.StoreUnavailable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountFilesTest {

  @TempDir Path dir;

  private Path file(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json, UTF_8);
  }

  @Test
  void readsTheUidAndTheFourSections_inFileOrder_withDecimalsAsBigDecimal() throws IOException {
    // given
    Path path =
        file(
            "a.json",
            """
            {"uid": "academy-1",
             "account": {"academyName": "Bright Future Academy"},
             "students": {
               "stu-002": {"name": "Sana", "fees": [{"month": "2026-11", "amount": 4500, "paid": 2250.50}]},
               "stu-001": {"name": "علی", "guardianName": null}
             },
             "templates": {"t": {"name": "T", "body": "Hi {studentName|there}"}},
             "automationRules": {"r": {"schedule": {"frequency": "DAILY", "time": "10:00"}}},
             "unknown": "ignored"}
            """);

    // when
    AccountFile read = AccountFiles.read(path);

    // then
    assertThat(read.uid()).isEqualTo("academy-1");
    assertThat(read.source()).isEqualTo(path.toString());
    assertThat(read.account()).containsEntry("academyName", "Bright Future Academy");
    assertThat(read.students()).containsOnlyKeys("stu-002", "stu-001");
    assertThat(List.copyOf(read.students().keySet())).containsExactly("stu-002", "stu-001");
    assertThat(read.students().get("stu-001")).isEqualTo(nullable("name", "علی", "guardianName"));
    Object paid = fees(read, "stu-002").get(0).get("paid");
    assertThat(paid).isEqualTo(new BigDecimal("2250.5"));
    assertThat(read.templates()).containsOnlyKeys("t");
    assertThat(read.automationRules()).containsOnlyKeys("r");
  }

  @Test
  void theTreeIsReadOnly() throws IOException {
    // given
    AccountFile read =
        AccountFiles.read(
            file("a.json", "{\"uid\": \"a\", \"students\": {\"s\": {\"fees\": []}}}"));

    // when / then
    assertThatThrownBy(() -> read.students().put("x", Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> student(read, "s").put("name", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingSections_areEmpty() throws IOException {
    // when
    AccountFile read = AccountFiles.read(file("a.json", "{\"uid\": \"academy-1\"}"));

    // then
    assertThat(read.account()).isEmpty();
    assertThat(read.students()).isEmpty();
    assertThat(read.templates()).isEmpty();
    assertThat(read.automationRules()).isEmpty();
  }

  @Test
  void malformedJson_isAClearErrorNamingTheFileAndThePlace() throws IOException {
    // given
    Path path = file("broken.json", "{\"uid\": \"a\",\n \"students\": {\"s\": [1, 2}\n}");

    // when / then
    assertThatThrownBy(() -> AccountFiles.read(path))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageStartingWith("account file " + path + " is not valid JSON: ")
        .hasMessageEndingWith("at line 2 column 26 path $.students.s[2]")
        .hasMessageNotContaining("REDACTED")
        .hasMessageNotContaining("\n");
  }

  @Test
  void numbersWithoutAFraction_areIntegerLongOrBigIntegerBySize_andOthersBigDecimal()
      throws IOException {
    // given
    Path path =
        file(
            "a.json",
            "{\"uid\": \"a\", \"account\": {\"int\": -5, \"long\": 923001234567,"
                + " \"big\": 12345678901234567890, \"one\": 1.0, \"exp\": 1e3, \"far\": 1e400}}");

    // when
    Map<String, Object> account = AccountFiles.read(path).account();

    // then
    assertThat(account.get("int")).isEqualTo(-5);
    assertThat(account.get("long")).isEqualTo(923001234567L);
    assertThat(account.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(account.get("one")).isEqualTo(new BigDecimal("1.0"));
    assertThat(account.get("exp")).isEqualTo(new BigDecimal("1000.0"));
    assertThat(account.get("far")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void whatIsNotStrictJson_isRefused_andWhatFollowsTheObject_isNotRead() throws IOException {
    // given
    Map<String, String> notJson =
        Map.of(
            "",
            "No JSON input to parse",
            "{\"uid\": \"a\",}",
            "Expected name at line 1 column 14 path $.uid",
            "{\"uid\": \"a\" // note\n}",
            "Unexpected text (names and strings need double quotes; no comments, NaN or leading zeros)"
                + " at line 1 column 14 path $.uid",
            "{'uid': 'a'}",
            "Unexpected text (names and strings need double quotes; no comments, NaN or leading zeros)"
                + " at line 1 column 3 path $.",
            "{\"uid\": \"a\", \"account\": {\"x\": NaN}}",
            "Unexpected text (names and strings need double quotes; no comments, NaN or leading zeros)"
                + " at line 1 column 31 path $.account.x",
            "{\"uid\": \"a\tb\"}",
            "Unescaped control characters (\\u0000-\\u001F) are not allowed"
                + " at line 1 column 10 path $.uid",
            "{\"uid\": \"a\"",
            "Unexpected end of input at line 1 column 12 path $.uid");

    // when / then
    for (Map.Entry<String, String> bad : notJson.entrySet()) {
      Path path = file("bad.json", bad.getKey());
      assertThatThrownBy(() -> AccountFiles.read(path))
          .as(bad.getKey())
          .isInstanceOf(StoreUnavailable.class)
          .hasMessage("account file " + path + " is not valid JSON: " + bad.getValue());
    }
    assertThat(AccountFiles.read(file("a.json", "{\"uid\": \"a\"} and more")).uid()).isEqualTo("a");
  }

  @Test
  void aFileInUtf16OrUtf32_withOrWithoutAByteOrderMark_reads() throws IOException {
    // given
    String json = "\uFEFF{\"uid\": \"academy-1\", \"account\": {\"academyName\": \"علی\"}}";
    List<Charset> encodings =
        List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE,
            Charset.forName("UTF-32LE"),
            Charset.forName("UTF-32BE"));

    for (Charset encoding : encodings) {
      for (String text : List.of(json, json.substring(1))) {
        // when
        Path path = dir.resolve("account.json");
        Files.write(path, text.getBytes(encoding));
        AccountFile read = AccountFiles.read(path);

        // then
        assertThat(read.uid()).as(encoding + " " + text).isEqualTo("academy-1");
        assertThat(read.account()).containsEntry("academyName", "علی");
      }
    }
  }

  @Test
  void aFileThatIsNotUtf8Text_isRefused() throws IOException {
    // given: Latin-1
    Path path = dir.resolve("latin.json");
    Files.write(path, "{\"uid\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

    // when / then
    assertThatThrownBy(() -> AccountFiles.read(path))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessage(
            "account file "
                + path
                + " is not valid JSON: Invalid UTF-8 bytes (save the file as UTF-8 text)");
  }

  @Test
  void nestingUpToAThousandDeep_reads_andDeeperIsRefused() throws IOException {
    // given: the file's object, "account", and arrays to 1,000 levels, then one more
    String deep = "[".repeat(998) + "]".repeat(998);
    String deeper = "[".repeat(999) + "]".repeat(999);
    Path path = file("deep.json", "{\"uid\": \"a\", \"account\": {\"x\": " + deep + "}}");
    Path tooDeep = file("deeper.json", "{\"uid\": \"a\", \"account\": {\"x\": " + deeper + "}}");

    // when / then
    assertThat(AccountFiles.read(path).account()).containsKey("x");
    assertThatThrownBy(() -> AccountFiles.read(tooDeep))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("Nesting limit 1000 reached");
  }

  @Test
  void aFileThatIsNotOneJsonObject_isRefused() throws IOException {
    // given
    Path path = file("list.json", "[{\"uid\": \"a\"}]");

    // when / then
    assertThatThrownBy(() -> AccountFiles.read(path))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("one JSON object");
  }

  @Test
  void aFileWithoutAUid_isRefused() throws IOException {
    // given
    Path noUid = file("no-uid.json", "{\"account\": {}}");
    Path blankUid = file("blank-uid.json", "{\"uid\": \" \"}");
    Path numberUid = file("number-uid.json", "{\"uid\": 7}");

    // when / then
    for (Path path : List.of(noUid, blankUid, numberUid)) {
      assertThatThrownBy(() -> AccountFiles.read(path))
          .isInstanceOf(StoreUnavailable.class)
          .hasMessageContaining(path.toString())
          .hasMessageContaining("\"uid\"");
    }
  }

  @Test
  void aSectionThatIsNotAnObject_isRefused_namingTheSection() throws IOException {
    // given
    Path path = file("a.json", "{\"uid\": \"a\", \"students\": [{\"name\": \"Ali\"}]}");

    // when / then
    assertThatThrownBy(() -> AccountFiles.read(path))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("\"students\" must be a JSON object");
  }

  @Test
  void aMissingFile_isAClearErrorNamingIt() {
    // given
    Path path = dir.resolve("nowhere.json");

    // when / then
    assertThatThrownBy(() -> AccountFiles.read(path))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("cannot read account file " + path);
  }

  @Test
  void readAll_refusesTwoFilesForTheSameAccount() throws IOException {
    // given
    Path first = file("a.json", "{\"uid\": \"academy-1\"}");
    Path second = file("b.json", "{\"uid\": \"academy-1\"}");

    // when / then
    assertThatThrownBy(() -> AccountFiles.readAll(List.of(first, second)))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("academy-1")
        .hasMessageContaining(first.toString())
        .hasMessageContaining(second.toString());
  }

  @Test
  void theSampleAcademy_readsAsOneAccountWithThirtyStudentsFourRulesAndThreeTemplates() {
    // when
    AccountFile sample = AccountFiles.read(ExampleFiles.academyDemo());

    // then
    assertThat(sample.uid()).isEqualTo("demo-academy");
    assertThat(sample.students()).hasSize(30);
    assertThat(sample.automationRules())
        .containsOnlyKeys(
            "overdue-daily", "weekly-urdu", "before-due-monthly", "olevel-final-notice");
    assertThat(sample.templates()).containsOnlyKeys("overdue-en", "weekly-ur", "final-notice-en");
  }

  private static Map<String, Object> nullable(String key, Object value, String nullKey) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    map.put(nullKey, null);
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> student(AccountFile file, String id) {
    return (Map<String, Object>) file.students().get(id);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> fees(AccountFile file, String id) {
    return (List<Map<String, Object>>) student(file, id).get("fees");
  }
}
