package com.feesmanager.automation.domain.template;

import static com.feesmanager.automation.domain.template.PlaceholderName.ACADEMY_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.AMOUNT_DUE;
import static com.feesmanager.automation.domain.template.PlaceholderName.GUARDIAN_NAME;
import static com.feesmanager.automation.domain.template.PlaceholderName.STUDENT_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompiledTemplateTest {

  private static CompiledTemplate compiled(String body) {
    TemplateCompilation compilation = CompiledTemplate.compile(body);
    assertThat(compilation).isInstanceOf(TemplateCompilation.Compiled.class);
    return ((TemplateCompilation.Compiled) compilation).template();
  }

  private static TemplateCompilation.Rejected rejected(String body) {
    TemplateCompilation compilation = CompiledTemplate.compile(body);
    assertThat(compilation).isInstanceOf(TemplateCompilation.Rejected.class);
    return (TemplateCompilation.Rejected) compilation;
  }

  private static MessageValues values(Object... nameValuePairs) {
    Map<PlaceholderName, String> map = new EnumMap<>(PlaceholderName.class);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      map.put((PlaceholderName) nameValuePairs[i], (String) nameValuePairs[i + 1]);
    }
    return MessageValues.of(map);
  }

  @Nested
  class WhenCompiling {

    @Test
    void lists_the_placeholders_the_body_uses() {
      // given
      String body = "Dear {guardianName|Parent}, {studentName} owes {amountDue}. {studentName}";

      // when
      CompiledTemplate template = compiled(body);

      // then
      assertThat(template.placeholders())
          .containsExactlyInAnyOrder(GUARDIAN_NAME, STUDENT_NAME, AMOUNT_DUE);
      assertThat(template.source()).isEqualTo(body);
    }

    @Test
    void every_spec_name_is_known() {
      // given
      StringBuilder body = new StringBuilder();
      for (PlaceholderName name : PlaceholderName.values()) {
        body.append('{').append(name.key()).append('}');
      }

      // when
      CompiledTemplate template = compiled(body.toString());

      // then
      assertThat(template.placeholders()).containsExactlyInAnyOrder(PlaceholderName.values());
    }

    @Test
    void an_unknown_placeholder_is_rejected_by_name() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Please pay {fee|soon} by {dueDate}.");

      // then
      assertThat(rejected.problems()).containsExactly("unknown placeholder {fee}");
    }

    @Test
    void names_are_case_sensitive_and_not_trimmed() {
      // when
      TemplateCompilation.Rejected rejected = rejected("{StudentName} { studentName}");

      // then
      assertThat(rejected.problems())
          .containsExactly(
              "unknown placeholder {StudentName}", "unknown placeholder { studentName}");
    }

    @Test
    void an_unclosed_brace_is_rejected() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Dear {guardianName");

      // then
      assertThat(rejected.problems()).hasSize(1);
      assertThat(rejected.problems().get(0)).startsWith("unclosed '{' at character 6");
    }

    @Test
    void a_placeholder_does_not_span_lines() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Dear {guardianName\n}");

      // then
      assertThat(rejected.problems()).hasSize(2);
      assertThat(rejected.problems().get(0)).startsWith("unclosed '{' at character 6");
      assertThat(rejected.problems().get(1)).startsWith("stray '}' at character 20");
    }

    @Test
    void a_stray_closing_brace_is_rejected() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Amount} due");

      // then
      assertThat(rejected.problems()).hasSize(1);
      assertThat(rejected.problems().get(0)).startsWith("stray '}' at character 7");
    }

    @Test
    void an_empty_placeholder_is_rejected() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Hello {} and {|x}");

      // then
      assertThat(rejected.problems())
          .containsExactly("empty placeholder {}", "empty placeholder {|x}");
    }

    @Test
    void every_problem_is_reported_at_once() {
      // when
      TemplateCompilation.Rejected rejected = rejected("{fee} {studentName {month}} {total}");

      // then
      assertThat(rejected.problems()).hasSize(4);
      assertThat(rejected.problems().get(0)).isEqualTo("unknown placeholder {fee}");
      assertThat(rejected.problems().get(1)).startsWith("unclosed '{' at character 7");
      assertThat(rejected.problems().get(2)).startsWith("stray '}' at character 27");
      assertThat(rejected.problems().get(3)).isEqualTo("unknown placeholder {total}");
    }

    @Test
    void templates_with_the_same_source_are_equal() {
      // when / then
      assertThat(compiled("Hi {studentName}")).isEqualTo(compiled("Hi {studentName}"));
      assertThat(compiled("Hi {studentName}").hashCode())
          .isEqualTo(compiled("Hi {studentName}").hashCode());
      assertThat(compiled("Hi {studentName}")).isNotEqualTo(compiled("Hi {guardianName}"));
    }

    @Test
    void the_package_constructor_refuses_an_invalid_body() {
      // when / then
      assertThatThrownBy(() -> new CompiledTemplate("{fee}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown placeholder {fee}");
    }
  }

  @Nested
  class WhenRendering {

    @Test
    void replaces_placeholders_with_their_values() {
      // given
      CompiledTemplate template =
          compiled("Dear {guardianName}, {studentName}'s fee of {amountDue} is due.");
      MessageValues values =
          values(GUARDIAN_NAME, "Imran Khan", STUDENT_NAME, "Ali", AMOUNT_DUE, "PKR 5,000");

      // when
      var rendering = template.render(values);

      // then
      assertThat(rendering)
          .isEqualTo(new Rendering.Rendered("Dear Imran Khan, Ali's fee of PKR 5,000 is due."));
    }

    @Test
    void doubled_braces_render_as_literal_braces() {
      // given
      CompiledTemplate template = compiled("{{x}} {{{studentName}}} }}{{");

      // when
      var rendering = template.render(values(STUDENT_NAME, "Ali"));

      // then
      assertThat(template.placeholders()).containsExactly(STUDENT_NAME);
      assertThat(rendering).isEqualTo(rendered("{x} {Ali} }{"));
    }

    @Test
    void a_body_without_placeholders_renders_as_written() {
      // when
      var rendering = compiled("Fees are due on the 10th.").render(values());

      // then
      assertThat(rendering).isEqualTo(rendered("Fees are due on the 10th."));
    }

    @Test
    void an_absent_value_uses_the_fallback() {
      // given
      CompiledTemplate template = compiled("Dear {guardianName|Parent},");

      // when / then
      assertThat(template.render(values())).isEqualTo(rendered("Dear Parent,"));
    }

    @Test
    void a_blank_value_uses_the_fallback() {
      // given
      CompiledTemplate template = compiled("From {academyName|your academy}");

      // when / then
      assertThat(template.render(values(ACADEMY_NAME, "  ")))
          .isEqualTo(rendered("From your academy"));
      assertThat(template.render(values(ACADEMY_NAME, "")))
          .isEqualTo(rendered("From your academy"));
    }

    @Test
    void a_present_value_wins_over_the_fallback() {
      // given
      CompiledTemplate template = compiled("Dear {guardianName|Parent},");

      // when / then
      assertThat(template.render(values(GUARDIAN_NAME, "Imran")))
          .isEqualTo(rendered("Dear Imran,"));
    }

    @Test
    void a_brace_inside_a_fallback_is_a_problem_not_a_nested_placeholder() {
      // when
      TemplateCompilation.Rejected rejected = rejected("Dear {guardianName|{studentName}},");

      // then
      assertThat(rejected.problems()).hasSize(2);
      assertThat(rejected.problems().get(0)).startsWith("unclosed '{' at character 6");
      assertThat(rejected.problems().get(1)).startsWith("stray '}' at character 33");
    }

    @Test
    void the_fallback_may_contain_a_bar_and_is_not_expanded() {
      // given
      CompiledTemplate template = compiled("Dear {guardianName|Parent | Guardian of studentName},");

      // when / then
      assertThat(template.render(values(STUDENT_NAME, "Ali")))
          .isEqualTo(rendered("Dear Parent | Guardian of studentName,"));
    }

    @Test
    void an_empty_fallback_leaves_the_gap_empty_instead_of_skipping() {
      // given
      CompiledTemplate template = compiled("Hello{guardianName|}!");

      // when / then
      assertThat(template.render(values())).isEqualTo(rendered("Hello!"));
    }

    @Test
    void a_missing_value_without_fallback_is_reported_first_in_body_order() {
      // given
      CompiledTemplate template = compiled("{studentName}: {guardianName} {academyName}");

      // when
      var rendering = template.render(values(STUDENT_NAME, "Ali"));

      // then
      assertThat(rendering).isEqualTo(new Rendering.MissingValue(GUARDIAN_NAME));
    }

    @Test
    void a_body_of_exactly_the_limit_is_rendered() {
      // given
      CompiledTemplate template = compiled("Dear {studentName}");
      String name = "x".repeat(CompiledTemplate.MAX_BODY_LENGTH - "Dear ".length());

      // when
      var rendering = template.render(values(STUDENT_NAME, name));

      // then
      assertThat(rendering).isEqualTo(rendered("Dear " + name));
      assertThat(((Rendering.Rendered) rendering).body()).hasSize(4096);
    }

    @Test
    void a_body_one_character_over_the_limit_is_too_long() {
      // given
      CompiledTemplate template = compiled("Dear {studentName}");
      String name = "x".repeat(CompiledTemplate.MAX_BODY_LENGTH - "Dear ".length() + 1);

      // when
      var rendering = template.render(values(STUDENT_NAME, name));

      // then
      assertThat(rendering).isEqualTo(new Rendering.TooLong(4097));
    }

    @Test
    void a_template_whose_fixed_text_alone_is_over_the_limit_is_rejected_when_compiled() {
      // issue 13: a 200 kB template was accepted and every message would be skipped BODY_TOO_LONG
      String body = "Dear {studentName}, " + "x".repeat(CompiledTemplate.MAX_BODY_LENGTH);

      assertThat(rejected(body).problems())
          .singleElement()
          .asString()
          .contains("too long")
          .contains(Integer.toString(CompiledTemplate.MAX_BODY_LENGTH + "Dear , ".length()));
    }

    @Test
    void fixed_text_of_exactly_the_limit_still_compiles() {
      String body = "{studentName}" + "x".repeat(CompiledTemplate.MAX_BODY_LENGTH);

      assertThat(CompiledTemplate.compile(body)).isInstanceOf(TemplateCompilation.Compiled.class);
    }

    @Test
    void a_missing_value_is_reported_before_a_too_long_body() {
      // given
      CompiledTemplate template = compiled("{studentName} {guardianName}");
      String name = "x".repeat(5000);

      // when
      var rendering = template.render(values(STUDENT_NAME, name));

      // then
      assertThat(rendering).isEqualTo(new Rendering.MissingValue(GUARDIAN_NAME));
    }

    private Rendering rendered(String body) {
      return new Rendering.Rendered(body);
    }
  }
}
