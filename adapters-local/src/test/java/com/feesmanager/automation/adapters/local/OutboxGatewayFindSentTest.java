package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.WhatsAppGateway;
import com.feesmanager.automation.ports.out.contract.WhatsAppGatewayFindSentContract;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;

class OutboxGatewayFindSentTest extends WhatsAppGatewayFindSentContract {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Override
  protected WhatsAppGateway gateway() {
    return new OutboxGateway(
        new PrintStream(PrintStream.nullOutputStream()), dir.resolve("outbox.txt"), CLOCK);
  }

  @Override
  protected String session() {
    return "academy-1";
  }

  @Override
  protected Instant now() {
    return CLOCK.instant();
  }
}
