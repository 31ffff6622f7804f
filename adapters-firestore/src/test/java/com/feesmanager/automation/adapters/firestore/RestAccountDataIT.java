package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import java.time.Clock;

/** The account data contract REST-first: accounts and rules over REST, students over gRPC. */
class RestAccountDataIT extends FirestoreAccountDataIT {

  @Override
  FirestoreConnection open(FirestoreConfig config, AccountDefaults defaults) {
    return FirestoreConnection.openRestFirst(config, defaults, Clock.systemUTC());
  }
}
