package com.google.cloud.archfixture;

/** Stands in for a Firestore type: a class in {@code com.google.cloud..}, for rule fixtures. */
public class FirestoreStandIn {}
