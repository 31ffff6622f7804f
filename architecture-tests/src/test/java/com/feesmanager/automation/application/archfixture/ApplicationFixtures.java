package com.feesmanager.automation.application.archfixture;

import com.feesmanager.automation.adapters.redis.archfixture.RedisAdapterFixtures;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import dev.failsafe.archfixture.FailsafeStandIn;
import io.grpc.archfixture.GrpcStandIn;
import jakarta.inject.Inject;

/** Classes in the application's package that obey or break the rules, for the rules' tests. */
public final class ApplicationFixtures {

  private ApplicationFixtures() {}

  /** Obeys every rule: a use case over a port. */
  public static final class SomeService {
    private final PortsFixtures.SomePort port;

    public SomeService(PortsFixtures.SomePort port) {
      this.port = port;
    }

    public Object run(String id) {
      return port.load(id);
    }
  }

  /** Breaks the inward rule: a use case sees an adapter. */
  public static final class DependsOnAnAdapter {
    public RedisAdapterFixtures.SomeRedisAdapter adapter;
  }

  /** Breaks the no-DI rule with {@code @jakarta.inject.Inject}. */
  public static final class InjectedWithJakarta {
    private final PortsFixtures.SomePort port;

    @Inject
    public InjectedWithJakarta(PortsFixtures.SomePort port) {
      this.port = port;
    }

    public PortsFixtures.SomePort port() {
      return port;
    }
  }

  /** Breaks the Firestore rule with a gRPC type. */
  public static final class UsesGrpc {
    public GrpcStandIn channel;
  }

  /** Breaks the HTTP/Failsafe rule with a Failsafe type. */
  public static final class UsesFailsafe {
    public FailsafeStandIn policy;
  }

  /** Breaks the environment rule: {@code System.getenv(name)}. */
  public static final class ReadsAnEnvironmentVariable {
    public String redisUrl() {
      return System.getenv("REDIS_URL");
    }
  }

  /** Breaks the environment rule: {@code System.getenv()}. */
  public static final class ReadsTheWholeEnvironment {
    public int size() {
      return System.getenv().size();
    }
  }

  /** Breaks the generic-exception rule. */
  public static final class ThrowsAGenericException {
    public void fail() {
      throw new RuntimeException("something went wrong");
    }
  }
}
