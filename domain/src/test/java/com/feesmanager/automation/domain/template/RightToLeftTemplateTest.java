package com.feesmanager.automation.domain.template;

import static com.feesmanager.automation.domain.template.PlaceholderName.ACADEMY_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.AMOUNT_DUE;
import static com.feesmanager.automation.domain.template.PlaceholderName.CLASS_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.GUARDIAN_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.MONTHS;
import static com.feesmanager.automation.domain.template.PlaceholderName.STUDENT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values inserted into right-to-left templates are isolated (FSI … PDI); others are unchanged. */
class RightToLeftTemplateTest {

  private static final String FSI = "\u2068";
  private static final String PDI = "\u2069";

  /** The sample's Urdu template (examples/academy-demo.json, {@code weekly-ur}), first lines. */
  private static final String URDU =
      "السلام علیکم {guardianName|محترم والدین}،\n\n{academyName} کی جانب سے یاد دہانی:"
          + " {studentName} ({className}) کی {months} کی فیس {amountDue} ابھی تک واجب الادا ہے۔";

  private static CompiledTemplate compiled(String body) {
    return ((TemplateCompilation.Compiled) CompiledTemplate.compile(body)).template();
  }

  private static MessageValues values() {
    Map<PlaceholderName, String> map = new EnumMap<>(PlaceholderName.class);
    map.put(STUDENT_NAME, "Ali Raza");
    map.put(GUARDIAN_NAME, "Raza Ahmed");
    map.put(CLASS_NAME, "Class 6");
    map.put(ACADEMY_NAME, "Bright Future Academy");
    map.put(MONTHS, "October, November 2026");
    map.put(AMOUNT_DUE, "PKR 5,000");
    return MessageValues.of(map);
  }

  private static String body(Rendering rendering) {
    assertThat(rendering).isInstanceOf(Rendering.Rendered.class);
    return ((Rendering.Rendered) rendering).body();
  }

  @Test
  void an_urdu_template_wraps_each_inserted_value_in_first_strong_isolates() {
    // when
    String body = body(compiled(URDU).render(values()));

    // then
    assertThat(compiled(URDU).direction()).isEqualTo(TextDirection.RIGHT_TO_LEFT);
    assertThat(body)
        .startsWith("السلام علیکم " + FSI + "Raza Ahmed" + PDI + "،\n\n")
        .contains(FSI + "Bright Future Academy" + PDI + " کی جانب سے")
        .contains(FSI + "Ali Raza" + PDI + " (" + FSI + "Class 6" + PDI + ")")
        .contains("کی " + FSI + "October, November 2026" + PDI + " کی فیس")
        .contains(FSI + "PKR 5,000" + PDI + " ابھی");
    assertThat(body.chars().filter(c -> c == 0x2068).count()).isEqualTo(6);
    assertThat(body.chars().filter(c -> c == 0x2069).count()).isEqualTo(6);
  }

  @Test
  void a_fallback_is_isolated_like_a_value_and_an_empty_one_adds_nothing() {
    // given
    Map<PlaceholderName, String> map = new EnumMap<>(PlaceholderName.class);
    map.put(STUDENT_NAME, "Ali");

    // when
    String withFallback = body(compiled("محترم {guardianName|والدین} کی فیس").render(values()));
    String emptyFallback =
        body(compiled("محترم {guardianName|} اور {studentName}").render(MessageValues.of(map)));

    // then
    assertThat(withFallback).isEqualTo("محترم " + FSI + "Raza Ahmed" + PDI + " کی فیس");
    assertThat(emptyFallback).isEqualTo("محترم  اور " + FSI + "Ali" + PDI);
  }

  @Test
  void an_english_template_is_rendered_exactly_as_before() {
    // given
    String english = "Dear {guardianName|Parent}, the fee of {amountDue} for {studentName} is due.";

    // when
    String body = body(compiled(english).render(values()));

    // then
    assertThat(compiled(english).direction()).isEqualTo(TextDirection.LEFT_TO_RIGHT);
    assertThat(body).isEqualTo("Dear Raza Ahmed, the fee of PKR 5,000 for Ali Raza is due.");
  }

  @Test
  void direction_is_decided_by_the_template_text_not_by_its_values() {
    // an English sentence with one Urdu word stays left-to-right; Arabic text is right-to-left
    assertThat(TextDirection.of("Dear parent, شکریہ")).isEqualTo(TextDirection.LEFT_TO_RIGHT);
    assertThat(TextDirection.of("عزيزي ولي الأمر، الرسوم مستحقة"))
        .isEqualTo(TextDirection.RIGHT_TO_LEFT);
    assertThat(TextDirection.of("{} 123 ,.")).isEqualTo(TextDirection.LEFT_TO_RIGHT);
    assertThat(compiled("{studentName}: {amountDue}").direction())
        .isEqualTo(TextDirection.LEFT_TO_RIGHT);
  }

  @Test
  void the_isolates_count_towards_the_length_limit() {
    // given: 4090 Urdu letters and one value of 4 characters: 4094 plain, 4096 with isolates
    String body = "ب".repeat(4090) + "{studentName}";
    Map<PlaceholderName, String> four = new EnumMap<>(PlaceholderName.class);
    four.put(STUDENT_NAME, "Alia");
    Map<PlaceholderName, String> five = new EnumMap<>(PlaceholderName.class);
    five.put(STUDENT_NAME, "Aliya");

    // then
    assertThat(compiled(body).render(MessageValues.of(four)))
        .isInstanceOf(Rendering.Rendered.class);
    assertThat(compiled(body).render(MessageValues.of(five)))
        .isEqualTo(new Rendering.TooLong(4097));
  }
}
