package com.google.inject.archfixture;

/** Stands in for a Guice type: a class in {@code com.google.inject..}, for rule fixtures. */
public class GuiceStandIn {}
