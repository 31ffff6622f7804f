package dev.failsafe.archfixture;

/** Stands in for a Failsafe type: a class in {@code dev.failsafe..}, for rule fixtures. */
public class FailsafeStandIn {}
