package com.google.gson.archfixture;

/** Stands in for a Gson type: a class in {@code com.google.gson..}, for rule fixtures. */
public class GsonStandIn {}
