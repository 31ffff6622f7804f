package com.feesmanager.automation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ALERT_WEBHOOK_URL (several), ALERT_EMAIL_TO and SMTP_URL (issue 15). */
class AlertingConfigTest {

  private static final String PASSWORD = "p@ss:w0rd/x";

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("WPPCONNECT_TOKEN", "t0ken");
    env.put("FIRESTORE_EMULATOR_HOST", "localhost:8080");
    env.put("FIREBASE_PROJECT_ID", "demo-fees");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static Alerting alerting(Map<String, String> env) {
    return ConfigLoader.load(env, Optional.empty()).alerting();
  }

  private static List<String> problems(Map<String, String> env) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(env, Optional.empty()));
    assertThat(e).as("a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void several_webhooks_and_e_mail_are_read_together() {
    // when
    Alerting alerting =
        alerting(
            env(
                "ALERT_WEBHOOK_URL",
                "https://hooks.slack.com/services/T0/B0/x, https://discord.com/api/webhooks/1/y",
                "ALERT_EMAIL_TO",
                "owner@academy.example, ops@academy.example",
                "SMTP_URL",
                "smtps://alerts%40academy.example:p%40ss%3Aw0rd%2Fx@smtp.example.com"));

    // then
    assertThat(alerting.webhooks())
        .extracting(SecretUrl::reveal)
        .containsExactly(
            URI.create("https://hooks.slack.com/services/T0/B0/x"),
            URI.create("https://discord.com/api/webhooks/1/y"));
    assertThat(alerting.emailTo()).containsExactly("owner@academy.example", "ops@academy.example");
    assertThat(alerting.email()).isTrue();
    SmtpUrl smtp = alerting.smtp().orElseThrow();
    assertThat(smtp.implicitTls()).isTrue();
    assertThat(smtp.host()).isEqualTo("smtp.example.com");
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.user()).contains("alerts@academy.example");
    assertThat(smtp.password().orElseThrow().reveal()).isEqualTo(PASSWORD);
    assertThat(smtp.from()).isEqualTo("alerts@academy.example");
    assertThat(smtp.toString())
        .isEqualTo("smtps://alerts@academy.example:****@smtp.example.com:465")
        .doesNotContain("w0rd");
  }

  @Test
  void smtp_means_starttls_on_587_unless_switched_off_and_from_can_be_given() {
    SmtpUrl starttls = SmtpUrl.parse("smtp://user:pw@mail.example.com?from=fees@academy.example");
    SmtpUrl relay = SmtpUrl.parse("smtp://localhost:25?starttls=false");

    assertThat(starttls.startTls()).isTrue();
    assertThat(starttls.implicitTls()).isFalse();
    assertThat(starttls.port()).isEqualTo(587);
    assertThat(starttls.from()).isEqualTo("fees@academy.example");
    assertThat(relay.startTls()).isFalse();
    assertThat(relay.user()).isEmpty();
    assertThat(relay.from()).isEqualTo("fees-automation@localhost");
  }

  @Test
  void bad_values_are_one_line_each_naming_the_variable_and_never_the_password() {
    // when
    List<String> problems =
        problems(
            env(
                "ALERT_EMAIL_TO",
                "owner@academy.example, not-an-address",
                "SMTP_URL",
                "https://user:" + PASSWORD + "@smtp.example.com"));

    // then
    assertThat(problems).hasSize(2);
    assertThat(problems)
        .anyMatch(p -> p.contains("ALERT_EMAIL_TO") && p.contains("not-an-address"));
    assertThat(problems).anyMatch(p -> p.contains("SMTP_URL") && p.contains("smtps://"));
    assertThat(String.join("\n", problems)).doesNotContain(PASSWORD);
  }

  @Test
  void e_mail_needs_both_variables() {
    assertThat(problems(env("ALERT_EMAIL_TO", "owner@academy.example")))
        .singleElement()
        .asString()
        .contains("ALERT_EMAIL_TO")
        .contains("SMTP_URL");
    assertThat(problems(env("SMTP_URL", "smtps://u:pw@smtp.example.com")))
        .singleElement()
        .asString()
        .contains("SMTP_URL")
        .contains("ALERT_EMAIL_TO");
  }
}
