package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.domain.delivery.RateDecision;
import com.feesmanager.automation.domain.delivery.RateLimits;
import com.feesmanager.automation.domain.message.PhoneNormaliser;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.RateLimitLedger;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code send-test}: one message through the account's WhatsApp session, now (SPEC §8). The number
 * is checked first; the send counts against the session's hour and day caps like any other (a test
 * must not push a number over WhatsApp's limits). Exit 0 when sent, 1 otherwise.
 */
@Command(
    name = "send-test",
    mixinStandardHelpOptions = true,
    description = "Send one test message through an account's WhatsApp session, now.")
final class SendTestCli implements Callable<Integer> {

  @Option(names = "--account", required = true, paramLabel = "U", description = "Account uid.")
  String account;

  @Option(names = "--to", required = true, paramLabel = "PHONE", description = "Recipient.")
  String to;

  @Option(names = "--text", required = true, paramLabel = "TEXT", description = "Message text.")
  String text;

  /** The environment; tests replace it. */
  @Mixin Environment environment = new Environment();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new UsageProblem("--text must not be blank");
    }
    Clock clock = Clock.systemUTC();
    return ServerRuntime.run(
        environment.variables(),
        clock,
        (injector, config, clients) -> {
          Optional<PhoneNumber> phone =
              new PhoneNormaliser(config.defaultCountryCode()).normalise(to);
          if (phone.isEmpty()) {
            throw new UsageProblem("--to " + to + " is not a phone number (INVALID_PHONE)");
          }
          AccountSettings settings =
              injector
                  .getInstance(AccountDirectory.class)
                  .account(account)
                  .orElseThrow(() -> new UsageProblem("no account " + account));
          String session = settings.automation().wppSession();
          WhatsAppGateway gateway = injector.getInstance(WhatsAppGateway.class);
          NumberCheck check = gateway.checkNumber(session, phone.get());
          out.println("number " + phone.get().masked() + ": " + describe(check));
          if (check instanceof NumberCheck.DoesNotExist) {
            out.println("not sent: NOT_ON_WHATSAPP");
            return 1;
          }
          RateDecision slot =
              injector
                  .getInstance(RateLimitLedger.class)
                  .reserve(
                      session,
                      new RateLimits(
                          settings.automation().maxPerHour(),
                          settings.automation().maxPerDay(),
                          config.limits().minSendInterval(),
                          settings.timezone()),
                      config.limits().minSendInterval(),
                      clock.instant());
          if (slot instanceof RateDecision.WaitUntil wait) {
            out.println("not sent: " + wait.reason() + " until " + wait.until());
            return 1;
          }
          SendResult result = gateway.send(session, phone.get(), text);
          out.println("session " + session + ": " + describe(result));
          return result instanceof SendResult.Sent ? 0 : 1;
        });
  }

  // Records' own toString would print WhatsApp ids, which contain the full number.
  private static String describe(NumberCheck check) {
    if (check instanceof NumberCheck.Exists exists) {
      return exists.canReceiveMessage() ? "on WhatsApp" : "on WhatsApp, cannot receive messages";
    }
    if (check instanceof NumberCheck.CannotTell cannot) {
      return "cannot tell (" + cannot.reason() + ")";
    }
    return "not on WhatsApp";
  }

  private static String describe(SendResult result) {
    if (result instanceof SendResult.Sent sent) {
      return sent.ackPending() ? "sent (pending on the phone)" : "sent";
    }
    if (result instanceof SendResult.Failed failed) {
      return "failed " + failed.kind() + " " + failed.reason();
    }
    return "not sent: " + result.getClass().getSimpleName();
  }
}
