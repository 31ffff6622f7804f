package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.adapters.firestore.FirestoreConfig.CredentialsFile;
import com.feesmanager.automation.adapters.firestore.FirestoreConfig.Emulator;
import com.feesmanager.automation.adapters.firestore.FirestoreConfig.ServiceAccount;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The credentials, project and emulator host a {@link FirestoreConfig} stands for, built once for
 * the gRPC client and the REST client alike. A key or key file that cannot be used is an {@link
 * IllegalArgumentException} with a one-line message naming the setting.
 */
record FirestoreCredentials(
    GoogleCredentials credentials, String projectId, Optional<String> emulatorHost) {

  /** The scopes Firestore needs (firebase-admin asks for these among its wider set). */
  static final List<String> SCOPES =
      List.of(
          "https://www.googleapis.com/auth/cloud-platform",
          "https://www.googleapis.com/auth/datastore");

  static FirestoreCredentials of(FirestoreConfig config) {
    if (config.credentials() instanceof Emulator emulator) {
      // The emulator takes any bearer token; "owner" bypasses security rules. NoCredentials with
      // an emulator host would silently dial the production host (see docs/firestore.md).
      return new FirestoreCredentials(
          GoogleCredentials.create(new AccessToken("owner", null)),
          config.projectId().orElseThrow(),
          Optional.of(emulator.host()));
    }
    if (config.credentials() instanceof ServiceAccount account) {
      try {
        return new FirestoreCredentials(
            ServiceAccountCredentials.fromPkcs8(
                null, account.clientEmail(), account.privateKeyPem(), null, null),
            config.projectId().orElseThrow(),
            Optional.empty());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "FIREBASE_PRIVATE_KEY is not a readable PKCS#8 private key");
      }
    }
    CredentialsFile file = (CredentialsFile) config.credentials();
    GoogleCredentials fromFile;
    try (InputStream in = Files.newInputStream(file.path())) {
      fromFile = GoogleCredentials.fromStream(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "GOOGLE_APPLICATION_CREDENTIALS is not a readable service account key file: "
              + file.path());
    }
    String projectId =
        config
            .projectId()
            .or(
                () ->
                    fromFile instanceof ServiceAccountCredentials service
                        ? Optional.ofNullable(service.getProjectId())
                        : Optional.empty())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "FIREBASE_PROJECT_ID is required: the key file names no project"));
    return new FirestoreCredentials(fromFile, projectId, Optional.empty());
  }

  /** Scoped for Firestore, as the gRPC client is given them. */
  GoogleCredentials scoped() {
    return credentials.createScoped(SCOPES);
  }

  /**
   * Scoped for Firestore, and for a service account signed by itself (a JWT carrying the scopes, no
   * token exchange with Google's OAuth server on a cold start); others as {@link #scoped}.
   */
  GoogleCredentials forRest() {
    if (credentials instanceof ServiceAccountCredentials service) {
      return service.createWithUseJwtAccessWithScope(true).createScoped(SCOPES);
    }
    return scoped();
  }
}
