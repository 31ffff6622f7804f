package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import java.time.Clock;

/**
 * {@link FirestoreMappingIT} REST-first: documents written by the gRPC client, accounts and rules
 * read over REST (students still over gRPC, built on first use).
 */
class RestMappingIT extends FirestoreMappingIT {

  @Override
  FirestoreConnection open(FirestoreConfig config, AccountDefaults defaults) {
    return FirestoreConnection.openRestFirst(config, defaults, Clock.systemUTC());
  }
}
