package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.ports.out.NumberCheck;
import com.feesmanager.automation.ports.out.SendResult;
import com.feesmanager.automation.ports.out.SessionState;
import com.feesmanager.automation.ports.out.WhatsAppGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The embedded default's gateway (SPEC §9): instead of WhatsApp, each message is appended to an
 * outbox file and shown on the console handed in. Every session is always connected. The number is
 * shown in full: the outbox is the operator's own demo output, not a log.
 */
public final class OutboxGateway implements WhatsAppGateway {

  private final PrintStream console;
  private final Path outboxFile;
  private long sent;

  public OutboxGateway(PrintStream console, Path outboxFile) {
    this.console = Objects.requireNonNull(console, "'console' must not be null");
    this.outboxFile = Objects.requireNonNull(outboxFile, "'outboxFile' must not be null");
  }

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
