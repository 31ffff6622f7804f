package io.micronaut.archfixture;

/** Stands in for a Micronaut type: a class in {@code io.micronaut..}, for rule fixtures. */
public class MicronautStandIn {}
