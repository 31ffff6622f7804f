package com.feesmanager.automation.adapters.wppconnect.archfixture;

import dev.failsafe.archfixture.FailsafeStandIn;
import io.micronaut.archfixture.MicronautStandIn;
import java.net.http.HttpClient;

/** Classes in the wppconnect adapter's package that obey the rules, for the rules' tests. */
public final class WppConnectAdapterFixtures {

  private WppConnectAdapterFixtures() {}

  /** Obeys every rule: the HTTP client, Failsafe and Micronaut serde inside the gateway adapter. */
  public static final class SomeWppConnectAdapter {
    public HttpClient http;
    public FailsafeStandIn retry;
    public MicronautStandIn serde;
  }
}
