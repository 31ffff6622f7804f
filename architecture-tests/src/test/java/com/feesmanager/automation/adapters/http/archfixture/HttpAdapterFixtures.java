package com.feesmanager.automation.adapters.http.archfixture;

import com.feesmanager.automation.application.archfixture.ApplicationFixtures;
import com.feesmanager.automation.bootstrap.archfixture.BootstrapFixtures;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import com.sun.net.httpserver.HttpServer;
import java.net.http.HttpClient;

/** Classes in the HTTP adapter's package that obey or break the rules, for the rules' tests. */
public final class HttpAdapterFixtures {

  private HttpAdapterFixtures() {}

  /** Obeys every rule: posts alerts with the HTTP client, sees only ports. */
  public static final class SomeHttpAdapter {
    public HttpClient client;
    public HttpServer server;
    public PortsFixtures.SomePort port;
  }

  /** Breaks the ports-only rule: the HTTP surface calls a service instead of its use case port. */
  public static final class UsesTheApplication {
    public ApplicationFixtures.SomeService service;
  }

  /** Breaks the layering: an adapter reaches into the bootstrap (configuration, wiring). */
  public static final class UsesTheBootstrap {
    public BootstrapFixtures.SomeWiring wiring;
  }
}
