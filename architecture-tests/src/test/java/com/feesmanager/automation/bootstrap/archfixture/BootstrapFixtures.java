package com.feesmanager.automation.bootstrap.archfixture;

import com.feesmanager.automation.adapters.local.archfixture.LocalAdapterFixtures;
import com.feesmanager.automation.adapters.redis.archfixture.RedisAdapterFixtures;

/** Classes in the bootstrap's package that obey or break the rules, for the rules' tests. */
public final class BootstrapFixtures {

  private BootstrapFixtures() {}

  /** Obeys every rule: the bootstrap wires more than one adapter. */
  public static final class SomeWiring {
    public RedisAdapterFixtures.SomeRedisAdapter redis;
    public LocalAdapterFixtures.SomeLocalAdapter local;
  }
}
