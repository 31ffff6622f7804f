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

  private static final String VERSION = "fm-key-1";
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
    if (studentIds.isEmpty()) {
      throw new IllegalArgumentException("a message key needs at least one student id");
    }
    String[] sorted = studentIds.toArray(new String[0]);
    Arrays.sort(sorted);
    MessageDigest digest = SHA_256.get();
    digest.reset();
    update(digest, VERSION);
    update(digest, uid);
    update(digest, ruleId);
    update(digest, occurrence);
    updateLength(digest, sorted.length);
    for (String studentId : sorted) {
      update(digest, studentId);
    }
    update(digest, to.digits());
    byte[] hash = digest.digest();
    char[] hex = new char[HEX_LENGTH];
    for (int i = 0; i < HEX_LENGTH / 2; i++) {
      hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new MessageKey(new String(hex));
  }

  private static void update(MessageDigest digest, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    updateLength(digest, bytes.length);
    digest.update(bytes);
  }

  private static void updateLength(MessageDigest digest, int length) {
    digest.update((byte) (length >>> 24));
    digest.update((byte) (length >>> 16));
    digest.update((byte) (length >>> 8));
    digest.update((byte) length);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's contract).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
