package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.ConnectionCheck;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SentLookup;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * The embedded default's gateway (SPEC §9): instead of WhatsApp, each message is appended to an
 * outbox file and shown on the console handed in. Every session is always connected. The number is
 * shown in full: the outbox is the operator's own demo output, not a log. {@link #findSent} knows
 * the last {@link #REMEMBERED} sends of this process.
 */
public final class OutboxGateway implements WhatsAppGateway {

  /** Sends remembered for {@link #findSent}; older ones are forgotten. */
  static final int REMEMBERED = 1_000;

  private final PrintStream console;
  private final Path outboxFile;
  private final Clock clock;
  private final Deque<Written> written = new ArrayDeque<>();
  private long sent;

  public OutboxGateway(PrintStream console, Path outboxFile) {
    this(console, outboxFile, Clock.systemUTC());
  }

  public OutboxGateway(PrintStream console, Path outboxFile, Clock clock) {
    this.console = Objects.requireNonNull(console, "'console' must not be null");
    this.outboxFile = Objects.requireNonNull(outboxFile, "'outboxFile' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  private record Written(String id, String session, String digits, String text, Instant at) {}

  @Override
  public synchronized SendResult send(String session, PhoneNumber to, String text) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    String id = "outbox-" + (sent + 1);
    String block = block(id, session, to, text);
    try {
      Path parent = outboxFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          outboxFile,
          block,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // nothing was "sent": hold the message, as for a server that cannot be reached
      return new SendResult.Unreachable("cannot write the outbox file " + outboxFile + ": " + e);
    }
    sent++;
    written.addLast(new Written(id, session, to.digits(), text, clock.instant()));
    if (written.size() > REMEMBERED) {
      written.removeFirst();
    }
    console.print(block);
    console.flush();
    return new SendResult.Sent(id, false);
  }

  @Override
  public SessionState sessionState(String session) {
    return SessionState.CONNECTED;
  }

  @Override
  public SessionState startSession(String session) {
    return SessionState.CONNECTED;
  }

  /** The newest send of exactly {@code text} to {@code to} on {@code session} since notBefore. */
  @Override
  public synchronized SentLookup findSent(
      String session, PhoneNumber to, String text, Instant notBefore) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(notBefore, "'notBefore' must not be null");
    for (Iterator<Written> newest = written.descendingIterator(); newest.hasNext(); ) {
      Written w = newest.next();
      if (w.session().equals(session)
          && w.digits().equals(to.digits())
          && w.text().equals(text)
          && !w.at().isBefore(notBefore)) {
        return new SentLookup.Found(w.id());
      }
    }
    return new SentLookup.NotFound();
  }

  /** The outbox never crashes. */
  @Override
  public ConnectionCheck checkConnection(String session) {
    return ConnectionCheck.ALIVE;
  }

  /** Nothing to close: every session is always connected. */
  @Override
  public boolean closeSession(String session) {
    return true;
  }

  /** The outbox reaches every number, so every number "exists". */
  @Override
  public NumberCheck checkNumber(String session, PhoneNumber number) {
    Objects.requireNonNull(session, "'session' must not be null");
    Objects.requireNonNull(number, "'number' must not be null");
    return new NumberCheck.Exists(number.digits(), true);
  }

  /** The outbox file messages are appended to. */
  public Path outboxFile() {
    return outboxFile;
  }

  static String block(String id, String session, PhoneNumber to, String text) {
    String body = text.replace("\r\n", "\n");
    if (!body.endsWith("\n")) {
      body += "\n";
    }
    return "=== " + id + " | session " + session + " | to +" + to.digits() + " ===\n" + body + "\n";
  }
}
