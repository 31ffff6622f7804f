package com.feesmanager.automation.adapters.redis;

import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.protocol.PushHandler;
import java.time.Duration;

/**
 * Lettuce's standalone client whose connections build the sync and reactive command facades on
 * first use instead of at connect: the sync facade is a {@link java.lang.reflect.Proxy} over some
 * 500 command methods, generated at run time and never class-data shared, which cost about a tenth
 * of a second of every cold start; the adapters send through the async API. Uses the extension
 * points Lettuce documents for this ({@code newStatefulRedisConnection}, {@code
 * newRedisSyncCommandsImpl}, {@code newRedisReactiveCommandsImpl}).
 */
final class LazyFacadeRedisClient extends RedisClient {

  /** As {@link RedisClient#create(RedisURI)}: the client creates and owns its resources. */
  LazyFacadeRedisClient(RedisURI uri) {
    super(null, uri);
  }

  @Override
  protected <K, V> StatefulRedisConnectionImpl<K, V> newStatefulRedisConnection(
      RedisChannelWriter channelWriter,
      PushHandler pushHandler,
      RedisCodec<K, V> codec,
      Duration timeout) {
    return new Connection<>(channelWriter, pushHandler, codec, timeout, this);
  }

  private static final class Connection<K, V> extends StatefulRedisConnectionImpl<K, V> {

    private RedisCommands<K, V> lazySync;
    private RedisReactiveCommands<K, V> lazyReactive;

    Connection(
        RedisChannelWriter channelWriter,
        PushHandler pushHandler,
        RedisCodec<K, V> codec,
        Duration timeout,
        RedisClient client) {
      super(channelWriter, pushHandler, codec, timeout, client.getOptions().getJsonParser());
    }

    @Override
    protected RedisCommands<K, V> newRedisSyncCommandsImpl() {
      return null;
    }

    @Override
    protected io.lettuce.core.RedisReactiveCommandsImpl<K, V> newRedisReactiveCommandsImpl() {
      return null;
    }

    @Override
    public synchronized RedisCommands<K, V> sync() {
      if (lazySync == null) {
        lazySync = super.newRedisSyncCommandsImpl();
      }
      return lazySync;
    }

    @Override
    public synchronized RedisReactiveCommands<K, V> reactive() {
      if (lazyReactive == null) {
        lazyReactive = super.newRedisReactiveCommandsImpl();
      }
      return lazyReactive;
    }
  }
}
