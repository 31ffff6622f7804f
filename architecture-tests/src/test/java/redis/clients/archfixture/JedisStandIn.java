package redis.clients.archfixture;

/** Stands in for a Jedis type: a class in {@code redis.clients..}, for rule fixtures. */
public final class JedisStandIn {}
