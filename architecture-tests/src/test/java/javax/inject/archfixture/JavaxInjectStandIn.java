package javax.inject.archfixture;

/** Stands in for a javax.inject type: a class in {@code javax.inject..}, for rule fixtures. */
public class JavaxInjectStandIn {}
