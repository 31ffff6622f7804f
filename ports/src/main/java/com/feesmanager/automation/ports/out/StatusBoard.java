package com.feesmanager.automation.ports.out;

import java.util.Optional;

/** Where the heartbeat of each account is published for the web app (SPEC §1.5). */
public interface StatusBoard {

  void publish(String uid, Heartbeat heartbeat);

  Optional<Heartbeat> last(String uid);
}
