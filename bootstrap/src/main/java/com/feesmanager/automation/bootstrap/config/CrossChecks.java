package com.feesmanager.automation.bootstrap.config;

import static com.feesmanager.automation.bootstrap.config.ConfigVariables.AUTOMATION_MISFIRE_GRACE;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_CLIENT_EMAIL;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_PRIVATE_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIREBASE_PROJECT_ID;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.FIRESTORE_EMULATOR_HOST;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.GOOGLE_APPLICATION_CREDENTIALS;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.MAX_MISFIRE_GRACE;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.VISIBILITY_TIMEOUT;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_SECRET_KEY;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPPCONNECT_TOKEN;
import static com.feesmanager.automation.bootstrap.config.ConfigVariables.WPP_TIMEOUT;

import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.FirestoreAccess;
import com.feesmanager.automation.bootstrap.config.ConfigLoader.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The checks across variables, in one place: a claim outlasts the longest call, and each mode has
 * the credentials it needs (wppconnect-server and Firestore for the server commands).
 */
final class CrossChecks {

  private CrossChecks() {}

  /**
   * At most {@link ConfigLoader#MAX_MISFIRE_GRACE}; a longer one is a problem (and the default).
   */
  static Duration misfireGrace(ConfigValues v, Duration misfireGrace) {
    if (v.isValid(AUTOMATION_MISFIRE_GRACE) && misfireGrace.compareTo(MAX_MISFIRE_GRACE) > 0) {
      // done marks are kept for a month and a day: a longer grace could fire a month-old
      // occurrence again, and a day-old reminder is already stale
      v.problem(
          AUTOMATION_MISFIRE_GRACE,
          "must be at most P1D (one day), got \"" + v.shown(AUTOMATION_MISFIRE_GRACE) + "\"");
      return Duration.ofHours(6);
    }
    return misfireGrace;
  }

  static void apply(
      ConfigValues v,
      Mode mode,
      Duration visibilityTimeout,
      Duration wppTimeout,
      Firebase firebase) {
    // A send still running when its claim expires would be handed to another worker and sent
    // twice, so a claim must outlast the longest call.
    if (v.isValid(VISIBILITY_TIMEOUT)
        && v.isValid(WPP_TIMEOUT)
        && visibilityTimeout.compareTo(wppTimeout) <= 0) {
      v.problem(
          VISIBILITY_TIMEOUT,
          "must be longer than WPP_TIMEOUT ("
              + wppTimeout
              + "), got \""
              + v.shown(VISIBILITY_TIMEOUT)
              + "\": a send still in progress would be handed to another worker");
    }

    if (mode == Mode.FIRESTORE) {
      requireFirestoreAccess(v, firebase);
    }
    if (mode == Mode.SERVER) {
      requireWppCredentials(v);
      requireFirestoreAccess(v, firebase);
    }
  }

  private static void requireWppCredentials(ConfigValues v) {
    if (!v.isSet(WPPCONNECT_TOKEN) && !v.isSet(WPPCONNECT_SECRET_KEY)) {
      v.problem(
          WPPCONNECT_TOKEN,
          "not set, and neither is WPPCONNECT_SECRET_KEY: set one of them so the daemon can"
              + " authenticate to wppconnect-server");
    }
  }

  private static void requireFirestoreAccess(ConfigValues v, Firebase firebase) {
    if (v.isSet(FIRESTORE_EMULATOR_HOST)) {
      if (!v.isSet(FIREBASE_PROJECT_ID)) {
        v.problem(FIREBASE_PROJECT_ID, "required with FIRESTORE_EMULATOR_HOST");
      }
      return;
    }
    List<String> inline = List.of(FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL, FIREBASE_PRIVATE_KEY);
    List<String> given = inline.stream().filter(v::isSet).toList();
    if (v.isSet(GOOGLE_APPLICATION_CREDENTIALS)) {
      if (firebase.access() == FirestoreAccess.KEY_FILE) {
        Path file = firebase.googleApplicationCredentials().orElseThrow();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
          v.problem(
              GOOGLE_APPLICATION_CREDENTIALS,
              "no readable file at \"" + v.shown(GOOGLE_APPLICATION_CREDENTIALS) + "\"");
        }
      }
      return;
    }
    if (given.isEmpty()) {
      v.problem(
          "Firestore credentials",
          "none set: set GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), or"
              + " FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY, or"
              + " FIRESTORE_EMULATOR_HOST and FIREBASE_PROJECT_ID");
      return;
    }
    for (String name : inline) {
      if (!v.isSet(name)) {
        v.problem(
            name,
            "required with "
                + String.join(" and ", given)
                + " (or set GOOGLE_APPLICATION_CREDENTIALS to a key file instead)");
      }
    }
  }
}
