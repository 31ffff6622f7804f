package com.feesmanager.automation.runner.daemon.archfixture;

import com.feesmanager.automation.adapters.local.archfixture.LocalAdapterFixtures;
import com.feesmanager.automation.adapters.redis.archfixture.RedisAdapterFixtures;
import com.feesmanager.automation.application.archfixture.ApplicationFixtures;
import com.feesmanager.automation.domain.archfixture.DomainFixtures;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import com.google.firebase.archfixture.FirebaseStandIn;
import com.google.gson.archfixture.GsonStandIn;
import dev.failsafe.archfixture.FailsafeStandIn;
import jakarta.inject.Inject;
import java.net.http.HttpClient;

/** Classes in a runner's package that obey or break the rules, for the rules' tests. */
public final class DaemonRunnerFixtures {

  private DaemonRunnerFixtures() {}

  /** Obeys every rule: a runner wires every module, reads the environment, owns the console. */
  public static final class SomeRunner {
    private final PortsFixtures.SomePort port = new RedisAdapterFixtures.SomeRedisAdapter();
    private final ApplicationFixtures.SomeService service =
        new ApplicationFixtures.SomeService(port);
    private final LocalAdapterFixtures.SomeLocalAdapter outbox =
        new LocalAdapterFixtures.SomeLocalAdapter(System.out);
    public DomainFixtures.PureValue value;
    public FailsafeStandIn retry;
    public GsonStandIn json;

    public void run() {
      outbox.write(String.valueOf(service.run(System.getenv("ACCOUNT"))));
    }
  }

  /** Breaks the HTTP client rule: a runner posts by itself instead of through the HTTP adapter. */
  public static final class UsesTheHttpClient {
    public HttpClient http;
  }

  /** Breaks the HTTP server rule: a runner serves requests itself instead of the HTTP adapter. */
  public static final class UsesTheHttpServer {
    public com.sun.net.httpserver.HttpServer server;
  }

  /** Breaks the Firestore rule: a runner touches Firebase instead of asking the adapter. */
  public static final class UsesFirebase {
    public FirebaseStandIn app;
  }

  /** Breaks the field-injection rule. */
  public static final class FieldInjected {
    @Inject public PortsFixtures.SomePort port;
  }
}
