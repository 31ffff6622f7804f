package com.feesmanager.automation.runner.lambda.archfixture;

import com.feesmanager.automation.bootstrap.archfixture.BootstrapFixtures;
import com.feesmanager.automation.runner.daemon.archfixture.DaemonRunnerFixtures;

/** Classes in the Lambda runner's package that obey or break the rules, for the rules' tests. */
public final class LambdaRunnerFixtures {

  private LambdaRunnerFixtures() {}

  /** Obeys every rule: a runner starts from the bootstrap. */
  public static final class SomeFunction {
    public BootstrapFixtures.SomeWiring wiring;
  }

  /** Breaks the runners rule: one runner reaches into another for what bootstrap holds. */
  public static final class UsesTheDaemonRunner {
    public DaemonRunnerFixtures.SomeRunner daemon;
  }
}
