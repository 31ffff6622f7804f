package com.feesmanager.automation.adapters.http.archfixture;

import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import java.net.http.HttpClient;

/** Classes in the HTTP adapter's package that obey or break the rules, for the rules' tests. */
public final class HttpAdapterFixtures {

  private HttpAdapterFixtures() {}

  /** Obeys every rule: posts alerts with the HTTP client, sees only ports. */
  public static final class SomeHttpAdapter {
    public HttpClient client;
    public PortsFixtures.SomePort port;
  }
}
