package com.feesmanager.automation.adapters.redis;

import com.feesmanager.automation.domain.message.MatchedFees;
import com.feesmanager.automation.domain.message.MessageKey;
import com.feesmanager.automation.domain.message.PhoneNumber;
import com.feesmanager.automation.domain.message.PlannedMessage;
import com.feesmanager.automation.ports.out.QueuedMessage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a queued message: version {@code 2|}, then every field as {@code
 * <length>:<chars>} in a fixed order. Length-prefixed text needs no escaping, so any body survives
 * exactly, and it is several times cheaper than a JSON mapper on the hot path.
 */
final class MessageCodec {

  private static final String VERSION = "2|";

  private MessageCodec() {}

  static String encode(QueuedMessage queued) {
    PlannedMessage message = queued.message();
    StringBuilder out = new StringBuilder(256 + message.body().length());
    out.append(VERSION);
    put(out, queued.uid());
    put(out, queued.session());
    put(out, queued.ruleId());
    put(out, queued.ruleName());
    put(out, queued.occurrence());
    // Seconds and nanos, not ISO text: parsing ISO instants was the costliest part of decoding.
    put(out, Long.toString(queued.enqueuedAt().getEpochSecond()));
    put(out, Integer.toString(queued.enqueuedAt().getNano()));
    put(out, message.key().value());
    putList(out, message.studentIds());
    putList(out, message.studentNames());
    put(out, message.to().digits());
    put(out, message.body());
    put(out, Integer.toString(message.fees().size()));
    for (MatchedFees fees : message.fees()) {
      put(out, fees.studentId());
      put(out, Integer.toString(fees.months().size()));
      for (YearMonth month : fees.months()) {
        put(out, month.toString());
      }
    }
    return out.toString();
  }

  static QueuedMessage decode(String stored) {
    if (!stored.startsWith(VERSION)) {
      throw new IllegalStateException("unknown stored message version");
    }
    Reader in = new Reader(stored, VERSION.length());
    String uid = in.next();
    String session = in.next();
    String ruleId = in.next();
    String ruleName = in.next();
    String occurrence = in.next();
    long seconds = Long.parseLong(in.next());
    Instant enqueuedAt = Instant.ofEpochSecond(seconds, Integer.parseInt(in.next()));
    MessageKey key = new MessageKey(in.next());
    List<String> studentIds = in.list();
    List<String> studentNames = in.list();
    PhoneNumber to = new PhoneNumber(in.next());
    String body = in.next();
    int feeCount = Integer.parseInt(in.next());
    List<MatchedFees> fees = new ArrayList<>(feeCount);
    for (int i = 0; i < feeCount; i++) {
      String studentId = in.next();
      int monthCount = Integer.parseInt(in.next());
      List<YearMonth> months = new ArrayList<>(monthCount);
      for (int m = 0; m < monthCount; m++) {
        months.add(YearMonth.parse(in.next()));
      }
      fees.add(new MatchedFees(studentId, months));
    }
    return new QueuedMessage(
        uid,
        session,
        ruleId,
        ruleName,
        occurrence,
        new PlannedMessage(key, studentIds, studentNames, to, body, fees),
        enqueuedAt);
  }

  private static void put(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value);
  }

  private static void putList(StringBuilder out, List<String> values) {
    put(out, Integer.toString(values.size()));
    for (String value : values) {
      put(out, value);
    }
  }

  /** A cursor over the stored text. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text, int at) {
      this.text = text;
      this.at = at;
    }

    String next() {
      int colon = text.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalStateException("truncated stored message");
      }
      int length = Integer.parseInt(text, at, colon, 10);
      String value = text.substring(colon + 1, colon + 1 + length);
      at = colon + 1 + length;
      return value;
    }

    List<String> list() {
      int size = Integer.parseInt(next());
      List<String> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next());
      }
      return values;
    }
  }
}
