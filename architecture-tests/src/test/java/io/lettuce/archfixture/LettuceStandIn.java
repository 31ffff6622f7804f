package io.lettuce.archfixture;

/** Stands in for a Lettuce type: a class in {@code io.lettuce..}, for rule fixtures. */
public class LettuceStandIn {}
