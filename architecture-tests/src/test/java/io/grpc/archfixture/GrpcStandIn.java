package io.grpc.archfixture;

/** Stands in for a gRPC type: a class in {@code io.grpc..}, for rule fixtures. */
public class GrpcStandIn {}
