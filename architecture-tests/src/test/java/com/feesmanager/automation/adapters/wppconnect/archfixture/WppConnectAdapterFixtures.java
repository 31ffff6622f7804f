package com.feesmanager.automation.adapters.wppconnect.archfixture;

import com.google.gson.archfixture.GsonStandIn;
import dev.failsafe.archfixture.FailsafeStandIn;
import java.net.http.HttpClient;

/** Classes in the wppconnect adapter's package that obey the rules, for the rules' tests. */
public final class WppConnectAdapterFixtures {

  private WppConnectAdapterFixtures() {}

  /** Obeys every rule: the HTTP client, Failsafe and Gson inside the gateway adapter. */
  public static final class SomeWppConnectAdapter {
    public HttpClient http;
    public FailsafeStandIn retry;
    public GsonStandIn json;
  }
}
