package com.feesmanager.automation.ports.archfixture;

import com.feesmanager.automation.application.archfixture.ApplicationFixtures;
import com.feesmanager.automation.domain.archfixture.DomainFixtures;
import com.google.inject.archfixture.GuiceStandIn;

/** Classes in the ports' package that obey or break the rules, for the rules' own tests. */
public final class PortsFixtures {

  private PortsFixtures() {}

  /** Obeys every rule: a port in domain words. */
  public interface SomePort {
    DomainFixtures.PureValue load(String id);
  }

  /** Breaks the inward rule: a port sees a use case implementation. */
  public static final class DependsOnTheApplication {
    public ApplicationFixtures.SomeService service;
  }

  /** Breaks the no-DI rule with a Guice type. */
  public static final class UsesGuice {
    public GuiceStandIn injector;
  }

  /** Breaks the no-cycles rule together with {@link DomainFixtures.CyclicDomainType}. */
  public static final class CyclicPort {
    public DomainFixtures.CyclicDomainType type;
  }
}
