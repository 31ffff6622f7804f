package com.google.firebase.archfixture;

/** Stands in for a Firebase type: a class in {@code com.google.firebase..}, for rule fixtures. */
public class FirebaseStandIn {}
