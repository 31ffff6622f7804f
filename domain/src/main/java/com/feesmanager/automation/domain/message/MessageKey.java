package com.feesmanager.automation.domain.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic identity of one message (SPEC §4): a stable hash of account, rule, occurrence,
 * student ids (sorted) and recipient. Also the message log's document id.
 */
public record MessageKey(String value) {

  private static final byte[] VERSION_BYTES = "fm-key-1".getBytes(StandardCharsets.UTF_8);
  private static final int HEX_LENGTH = 32;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // getInstance is a provider lookup; one digest per thread keeps keying cheap and thread-safe.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(MessageKey::newSha256);

  public MessageKey {
    Objects.requireNonNull(value, "'value' must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("'value' must not be blank");
    }
  }

  /**
   * The key of the message for {@code studentIds} (any order) to {@code to} in one occurrence.
   *
   * <p><b>The encoding must never change</b>: keys are message log ids and dedupe entries, so a
   * change would resend every reminder still in the dedupe window. It is SHA-256 over, in order:
   * the version tag {@code "fm-key-1"}, uid, ruleId, occurrence, the number of student ids, each
   * student id in ascending {@link String#compareTo} order, and the recipient's digits; every
   * string as a 4-byte big-endian length then its UTF-8 bytes (so no field can bleed into the
   * next). The key is the first 32 lowercase hex digits (128 bits) of the digest.
   */
  public static MessageKey of(
      String uid, String ruleId, String occurrence, List<String> studentIds, PhoneNumber to) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    Objects.requireNonNull(to, "'to' must not be null");
    return hash(uid, ruleId, occurrence, studentIds, to.digits());
  }

  private static MessageKey hash(
      String uid, String ruleId, String occurrence, List<String> studentIds, String recipient) {
    if (studentIds.isEmpty()) {
      throw new IllegalArgumentException("a message key needs at least one student id");
    }
    String[] sorted = studentIds.toArray(new String[0]);
    Arrays.sort(sorted);
    byte[][] fields = new byte[4 + sorted.length + 1][];
    int index = 0;
    fields[index++] = VERSION_BYTES;
    fields[index++] = uid.getBytes(StandardCharsets.UTF_8);
    fields[index++] = ruleId.getBytes(StandardCharsets.UTF_8);
    fields[index++] = occurrence.getBytes(StandardCharsets.UTF_8);
    for (String studentId : sorted) {
      fields[index++] = studentId.getBytes(StandardCharsets.UTF_8);
    }
    fields[index] = recipient.getBytes(StandardCharsets.UTF_8);
    // One buffer and one digest call: per-field updates cost more than the hash itself.
    int size = 4;
    for (byte[] field : fields) {
      size += 4 + field.length;
    }
    byte[] message = new byte[size];
    int offset = 0;
    for (int i = 0; i < fields.length; i++) {
      if (i == 4) {
        offset = putLength(message, offset, sorted.length);
      }
      offset = putLength(message, offset, fields[i].length);
      System.arraycopy(fields[i], 0, message, offset, fields[i].length);
      offset += fields[i].length;
    }
    byte[] hash = SHA_256.get().digest(message);
    char[] hex = new char[HEX_LENGTH];
    for (int i = 0; i < HEX_LENGTH / 2; i++) {
      hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new MessageKey(new String(hex));
  }

  private static int putLength(byte[] buffer, int offset, int length) {
    buffer[offset] = (byte) (length >>> 24);
    buffer[offset + 1] = (byte) (length >>> 16);
    buffer[offset + 2] = (byte) (length >>> 8);
    buffer[offset + 3] = (byte) length;
    return offset + 4;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's contract).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The key of a student skipped for want of a usable number (NO_PHONE, or INVALID_PHONE when there
   * is nothing to normalise): the same fields with an empty recipient.
   */
  public static MessageKey withoutRecipient(
      String uid, String ruleId, String occurrence, List<String> studentIds) {
    Objects.requireNonNull(uid, "'uid' must not be null");
    Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    Objects.requireNonNull(occurrence, "'occurrence' must not be null");
    return hash(uid, ruleId, occurrence, studentIds, "");
  }

  @Override
  public String toString() {
    return value;
  }
}
