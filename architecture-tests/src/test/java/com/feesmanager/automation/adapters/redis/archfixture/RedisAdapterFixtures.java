package com.feesmanager.automation.adapters.redis.archfixture;

import com.feesmanager.automation.adapters.firestore.archfixture.FirestoreAdapterFixtures;
import com.feesmanager.automation.adapters.local.archfixture.LocalAdapterFixtures;
import com.feesmanager.automation.application.archfixture.ApplicationFixtures;
import com.feesmanager.automation.domain.archfixture.DomainFixtures;
import com.feesmanager.automation.ports.archfixture.PortsFixtures;
import com.feesmanager.automation.runner.daemon.archfixture.DaemonRunnerFixtures;
import com.google.cloud.archfixture.FirestoreStandIn;
import io.lettuce.archfixture.LettuceStandIn;
import java.net.http.HttpClient;
import redis.clients.archfixture.JedisStandIn;

/** Classes in a Redis adapter's package that obey or break the rules, for the rules' tests. */
public final class RedisAdapterFixtures {

  private RedisAdapterFixtures() {}

  /** Obeys every rule: implements a port with Lettuce or Jedis. */
  public static final class SomeRedisAdapter implements PortsFixtures.SomePort {
    private final LettuceStandIn client = new LettuceStandIn();
    private final JedisStandIn blockingClient = new JedisStandIn();

    @Override
    public DomainFixtures.PureValue load(String id) {
      return null;
    }

    public LettuceStandIn client() {
      return client;
    }

    public JedisStandIn blockingClient() {
      return blockingClient;
    }
  }

  /** Breaks the inward rule: an adapter sees a use case implementation. */
  public static final class DependsOnTheApplication {
    public ApplicationFixtures.SomeService service;
  }

  /** Breaks the inward rule: an adapter sees a runner. */
  public static final class DependsOnARunner {
    public DaemonRunnerFixtures.SomeRunner runner;
  }

  /** Breaks the adapters rule: an adapter sees another adapter. */
  public static final class DependsOnAnotherAdapter {
    public LocalAdapterFixtures.SomeLocalAdapter other;
  }

  /** Breaks the Firestore rule: the Firestore SDK outside its adapter. */
  public static final class UsesFirestore {
    public FirestoreStandIn firestore;
  }

  /** Breaks the HTTP/Failsafe rule: the JDK HTTP client outside the gateway adapter. */
  public static final class UsesTheHttpClient {
    public HttpClient http;
  }

  /**
   * Breaks the no-cycles rule together with {@link FirestoreAdapterFixtures.CyclicFirestorePart}.
   */
  public static final class CyclicRedisPart {
    public FirestoreAdapterFixtures.CyclicFirestorePart other;
  }
}
