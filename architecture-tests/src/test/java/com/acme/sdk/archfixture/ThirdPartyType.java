package com.acme.sdk.archfixture;

/** Stands in for any third-party library type (not in {@code java..}), for rule fixtures. */
public class ThirdPartyType {}
