package com.feesmanager.automation.bootstrap;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig;
import com.feesmanager.automation.bootstrap.config.AutomationConfig;
import com.feesmanager.automation.bootstrap.config.AutomationConfig.Firebase;
import java.util.Optional;

/**
 * The Firestore adapter's settings from the process configuration: the runner passes values read
 * from the environment and {@code .env} explicitly (Google's libraries read only the real
 * environment, so a {@code .env} value would otherwise never reach them).
 */
public final class FirestoreSettings {

  private FirestoreSettings() {}

  public static FirestoreConfig from(AutomationConfig config) {
    Firebase firebase = config.firebase();
    FirestoreConfig.Credentials credentials =
        switch (firebase.access()) {
          case EMULATOR -> new FirestoreConfig.Emulator(firebase.emulatorHost().orElseThrow());
          case INLINE_SERVICE_ACCOUNT ->
              new FirestoreConfig.ServiceAccount(
                  firebase.clientEmail().orElseThrow(),
                  firebase.privateKey().orElseThrow().reveal());
          case KEY_FILE ->
              new FirestoreConfig.CredentialsFile(
                  firebase.googleApplicationCredentials().orElseThrow());
          case NONE ->
              throw new UsageProblem(
                  "no Firestore access configured: set FIRESTORE_EMULATOR_HOST, the FIREBASE_* values"
                      + " or GOOGLE_APPLICATION_CREDENTIALS (docs/configuration.md)");
        };
    Optional<String> projectId = firebase.projectId();
    return new FirestoreConfig(
        projectId,
        credentials,
        config.firestoreCacheMaxAge(),
        config.ledgerMaxAge(),
        FirestoreConfig.DEFAULT_CALL_TIMEOUT);
  }
}
