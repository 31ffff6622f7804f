package com.feesmanager.automation.runner.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.adapters.firestore.FirestoreEmulatorExtension;
import com.feesmanager.automation.adapters.redis.RedisConnection;
import com.feesmanager.automation.adapters.redis.RedisSettings;
import com.feesmanager.automation.adapters.wppconnect.WppConnectServerDouble.State;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.ports.out.Claim;
import com.feesmanager.automation.ports.out.MessageQueue;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator console (SPEC §8) in headless Chromium (Debian's {@code chromium} driven through
 * Debian's {@code chromedriver}) against the daemon jar, the Firestore emulator, a private Redis
 * and the wppconnect double. A screenshot of each page goes to {@code target/console-screenshots/}.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  private static final String TOKEN = "console-e2e-token-0123456789";
  private static final String DEAD_SESSION = "dead-letters-session";
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private E2eStack stack;
  private E2eAccount account;
  private RedisConnection redis;
  private WebDriver browser;
  private String base;
  private MessageKey deadKey;

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    stack = E2eStack.start(workDir);
    account = E2eAccount.dueThisMinute(2);
    stack.importAccount(account);
    stack.importAccount(withBrokenRule(account.rulesFile()), account);
    redis = RedisConnection.open(RedisSettings.of(stack.redis.url()));
    deadKey = seedDeadLetter(redis.messageQueue());
    int port = E2eStack.freePort();
    Map<String, String> env = stack.env(port);
    env.put("CONSOLE_TOKEN", TOKEN);
    stack.startDaemon(env);
    base = "http://127.0.0.1:" + port;
    browser = chromium(workDir.resolve("chromium-profile"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (redis != null) {
      redis.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void a_wrong_token_gets_the_login_page_again() throws Exception {
    browser.get(base + "/console");
    signIn("wrong-token-0123456789");

    assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("Wrong token.");
    assertThat(browser.findElements(By.id("token"))).hasSize(1);
    screenshot("login");
  }

  @Test
  @Order(2)
  void after_signing_in_the_overview_shows_the_seeded_account_and_its_problem() throws Exception {
    browser.get(base + "/console");
    signIn(TOKEN);

    // the heartbeat carries the broken rule's problem from the daemon's first minute check
    E2eStack.await(
        "the overview to show the broken rule",
        Duration.ofSeconds(150),
        () -> {
          browser.get(base + "/console");
          return account(browser).getText().contains("RULE_INVALID");
        });
    String text = account(browser).getText();
    assertThat(text).contains("E2E Academy").contains(account.session()).contains("broken-rule");
    screenshot("overview");
  }

  @Test
  @Order(3)
  void a_dead_letter_is_requeued_after_confirmation() throws Exception {
    browser.get(base + "/console/dead");
    WebElement row =
        browser.findElement(By.cssSelector("tr.dead-letter[data-key='" + deadKey.value() + "']"));
    assertThat(row.getText()).contains(account.uid()).contains("92300*****99");
    screenshot("dead-letters");

    row.findElement(By.cssSelector("button.requeue")).click();
    browser.switchTo().alert().accept();

    E2eStack.await(
        "the requeue notice",
        Duration.ofSeconds(20),
        onPage(() -> !browser.findElements(By.id("notice")).isEmpty()));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Requeued 1 dead letter(s).");
    assertThat(redis.messageQueue().deadLetters(10))
        .noneMatch(letter -> letter.message().key().equals(deadKey));
  }

  @Test
  @Order(4)
  void an_account_is_held_and_released() throws Exception {
    browser.get(base + "/console");
    account(browser).findElement(By.cssSelector("button.hold")).click();
    browser.switchTo().alert().accept();
    E2eStack.await(
        "the account to show as held",
        Duration.ofSeconds(20),
        onPage(() -> account(browser).getText().contains("Held since")));
    assertThat(redis.operatorHolds().heldSince(account.uid())).isPresent();
    screenshot("held");

    account(browser).findElement(By.cssSelector("button.release")).click();
    browser.switchTo().alert().accept();
    E2eStack.await(
        "the account to show as not held",
        Duration.ofSeconds(20),
        onPage(() -> account(browser).getText().contains("Not held")));
    assertThat(redis.operatorHolds().heldSince(account.uid())).isEmpty();
  }

  @Test
  @Order(5)
  void the_qr_code_shows_while_the_session_waits_for_a_scan() throws Exception {
    stack.whatsapp.setState(account.session(), State.QRCODE);

    browser.get(base + "/console");

    WebElement qr = account(browser).findElement(By.cssSelector("img.qr"));
    assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
    screenshot("qr-code");
    stack.whatsapp.connect(account.session());
  }

  @Test
  @Order(6)
  void the_logs_and_the_preview_pages_answer() throws Exception {
    browser.get(base + "/console/logs?account=" + account.uid());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Message logs");
    screenshot("logs");

    browser.get(base + "/console/preview?account=" + account.uid() + "&rule=" + E2eAccount.RULE);
    assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("2 message(s)");
    assertThat(browser.getPageSource()).doesNotContain(account.digits(1));
    screenshot("preview");
  }

  /**
   * Signs in and waits for the form's answer to load: Chromium may hand back from the click before
   * the POST's page is there, and a {@code get} made then cancels it (and its cookie).
   */
  private void signIn(String token) throws InterruptedException {
    WebElement button = browser.findElement(By.id("sign-in"));
    browser.findElement(By.id("token")).sendKeys(token);
    button.click();
    E2eStack.await(
        "the sign-in answer to load",
        Duration.ofSeconds(20),
        onPage(
            () ->
                isStale(button)
                    && "complete"
                        .equals(
                            ((JavascriptExecutor) browser)
                                .executeScript("return document.readyState"))));
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    }
  }

  /** A page condition, false while the page it reads is being replaced. */
  private static BooleanSupplier onPage(BooleanSupplier condition) {
    return () -> {
      try {
        return condition.getAsBoolean();
      } catch (WebDriverException e) {
        return false;
      }
    };
  }

  private WebElement account(WebDriver page) {
    return page.findElement(By.id("account-" + account.uid()));
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** A rule whose template names a value that does not exist: the account's problem. */
  private static Map<String, Object> withBrokenRule(Map<String, Object> rulesFile) {
    Map<String, Object> file = new LinkedHashMap<>(rulesFile);
    @SuppressWarnings("unchecked")
    Map<String, Object> rules =
        new LinkedHashMap<>((Map<String, Object>) rulesFile.get("automationRules"));
    rules.put(
        "broken-rule",
        Map.of(
            "name", "Broken reminder",
            "enabled", true,
            "schedule", Map.of("frequency", "DAILY", "time", "03:00"),
            "criteria", Map.of("statuses", List.of("UNPAID"), "minDaysOverdue", 1),
            "audience", "GUARDIAN",
            "template", "Dear {noSuchValue}, your fees are due.",
            "createdAt", "2026-01-01T00:00:00Z"));
    file.put("automationRules", rules);
    return file;
  }

  /** A message that used its last attempt, in a session no account uses. */
  private MessageKey seedDeadLetter(MessageQueue queue) {
    Instant now = Instant.now();
    MessageKey key = new MessageKey("console-it-dead-letter");
    QueuedMessage message =
        new QueuedMessage(
            account.uid(),
            DEAD_SESSION,
            E2eAccount.RULE,
            "Daily overdue reminder 1",
            "2026-11-10T10:00",
            new PlannedMessage(
                key,
                List.of("stu-001"),
                List.of("Student 1"),
                new PhoneNumber("923005559999"),
                "Dear parent, the fee is overdue.",
                List.of()),
            now);
    assertThat(queue.enqueue(message, now)).isTrue();
    Claim claim = queue.claimNext(DEAD_SESSION, now).orElseThrow();
    assertThat(queue.deadLetter(claim, "GATEWAY_ERROR", now)).isTrue();
    return key;
  }

  private static WebDriver chromium(Path profile) {
    // Selenium's OpenTelemetry is left out of the build (Firestore's client has its own)
    System.setProperty("webdriver.remote.enableTracing", "false");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1400",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
