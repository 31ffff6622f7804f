package com.feesmanager.automation.runner.daemon.cli;

import com.feesmanager.automation.bootstrap.ServerRuntime;
import com.feesmanager.automation.bootstrap.UsageProblem;
import com.feesmanager.automation.domain.account.AccountSettings;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.SessionBindings.Bound;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code session rebind SESSION --account UID}: the operator moves a session binding (SPEC §6). */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = "Manage which account each WhatsApp session sends for.",
    subcommands = {SessionCli.Rebind.class})
final class SessionCli implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code session rebind}: from now on SESSION sends for UID only; the account formerly bound has
   * its messages held (SESSION_TAKEN) until it names a session of its own. Exit 0 when bound, 1
   * when Firestore cannot be reached, 2 for a bad session name or an unknown account.
   */
  @Command(
      name = "rebind",
      mixinStandardHelpOptions = true,
      description =
          "Bind the WhatsApp session SESSION to the account UID from now on (the account formerly bound to it can no longer send through it). Running daemons see it within a minute.")
  static final class Rebind implements Callable<Integer> {

    /** SPEC §1.1's session names. */
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Parameters(index = "0", paramLabel = "SESSION", description = "The wppconnect session name.")
    String session;

    @Option(
        names = "--account",
        required = true,
        paramLabel = "UID",
        description = "The account that sends through SESSION from now on.")
    String account;

    /** The environment; tests replace it. */
    @Mixin Environment environment = new Environment();

    /** The instant recorded as {@code boundAt}; tests move it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      if (!SESSION_NAME.matcher(session).matches()) {
        throw new UsageProblem(
            "SESSION must be 1 to 64 characters of A-Z a-z 0-9 _ - (docs/firestore.md): "
                + session);
      }
      if (account.isBlank()) {
        throw new UsageProblem("--account must not be blank");
      }
      return ServerRuntime.run(
          environment.variables(),
          clock,
          (injector, config, clients) -> {
            Optional<AccountSettings> target =
                injector.getInstance(AccountDirectory.class).account(account);
            if (target.isEmpty()) {
              throw new UsageProblem(
                  "--account "
                      + account
                      + ": no such account (users/"
                      + account
                      + " is absent or cannot be understood)");
            }
            SessionBindings bindings = injector.getInstance(SessionBindings.class);
            Optional<Bound> before = bindings.boundTo(session);
            if (before.isPresent() && before.get().uid().equals(account)) {
              out.printf(
                  "session %s is already bound to %s (since %s); nothing changed%n",
                  session, account, before.get().boundAt());
              return 0;
            }
            bindings.rebind(session, account, clock.instant());
            out.printf(
                "session %s is bound to %s from %s (was %s)%n",
                session,
                account,
                clock.instant(),
                before.map(b -> b.uid() + ", bound at " + b.boundAt()).orElse("not bound"));
            String named = target.get().automation().wppSession();
            if (!named.equals(session)) {
              out.printf(
                  "warning: %s names session %s in automation.wppSession, not %s: it sends"
                      + " through %s until that field is changed%n",
                  account, named, session, named);
            }
            return 0;
          });
    }
  }
}
