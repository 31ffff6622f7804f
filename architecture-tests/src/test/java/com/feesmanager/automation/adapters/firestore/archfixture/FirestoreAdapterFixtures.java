package com.feesmanager.automation.adapters.firestore.archfixture;

import com.feesmanager.automation.adapters.redis.archfixture.RedisAdapterFixtures;
import com.google.cloud.archfixture.FirestoreStandIn;
import com.google.firebase.archfixture.FirebaseStandIn;
import io.grpc.archfixture.GrpcStandIn;
import io.lettuce.archfixture.LettuceStandIn;
import java.net.http.HttpClient;
import redis.clients.archfixture.JedisStandIn;

/** Classes in a Firestore adapter's package that obey or break the rules, for the rules' tests. */
public final class FirestoreAdapterFixtures {

  private FirestoreAdapterFixtures() {}

  /**
   * Obeys every rule: the Firestore SDK, Firebase, gRPC and the JDK's HTTP client (the REST path)
   * inside their adapter.
   */
  public static final class SomeFirestoreAdapter {
    public FirestoreStandIn firestore;
    public FirebaseStandIn firebase;
    public GrpcStandIn channel;
    public HttpClient rest;
  }

  /** Breaks the Lettuce rule: Lettuce outside the Redis adapter. */
  public static final class UsesLettuce {
    public LettuceStandIn client;
  }

  /** Breaks the Jedis rule: Jedis outside the Redis adapter. */
  public static final class UsesJedis {
    public JedisStandIn client;
  }

  /** Breaks the no-cycles rule together with {@link RedisAdapterFixtures.CyclicRedisPart}. */
  public static final class CyclicFirestorePart {
    public RedisAdapterFixtures.CyclicRedisPart other;
  }
}
