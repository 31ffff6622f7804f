package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.SessionBindings;
import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.StoreUnavailable;
import com.feesmanager.automation.ports.out.StudentDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Firestore client and every adapter built on it, sharing one read cache and one write-behind
 * writer. The runner opens it from a {@link FirestoreConfig}, hands the adapters to the core, and
 * closes it at shutdown (which commits the writes still waiting, within a few seconds).
 *
 * <p>Opened {@linkplain #openRestFirst REST-first} (for a one-shot tick), the three ports a tick
 * with nothing due uses (accounts, rules, status board) talk to Firestore's REST API, and the gRPC
 * client with every other adapter is built on the first call of one of them, once (the ports are
 * handed out at once): a tick that fires nothing never loads it.
 */
public final class FirestoreConnection implements AutoCloseable {

  /**
   * The heap that writes waiting for Firestore may hold (an estimate): a few thousand logs, well
   * inside the daemon's 96 MiB heap. Past it a caller waits briefly, then writes through.
   */
  static final long MAX_PENDING_BYTES = 8L << 20;

  /** The longest a read waits for Firestore before the cache serves instead. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /** The REST client and its heartbeat writer, in REST-first mode. */
  private record Rest(RestFirestore client, RestStatusBoard statusBoard) {}

  private final FirestoreCredentials credentials;
  private final FirestoreConfig config;
  private final AccountDefaults defaults;
  private final Calls calls;
  private final ReadCache cache;
  private final Duration readTimeout;
  private final Optional<Rest> rest;
  private final AccountDirectory accountDirectory;
  private final RuleSource ruleSource;
  private final StatusBoard statusBoard;
  private final StudentDirectory studentDirectory;
  private final DeliveryLog deliveryLog;
  private final RunLog runLog;
  private final SessionBindings sessionBindings;
  private final Object grpcLock = new Object();

  /** Built at open, or on first use in REST-first mode; guarded by {@code grpcLock} when built. */
  private volatile GrpcAdapters grpc;

  private boolean closed;

  private FirestoreConnection(
      FirestoreConfig config, AccountDefaults defaults, Clock clock, boolean restFirst) {
    this.config = config;
    this.defaults = defaults;
    this.credentials = FirestoreCredentials.of(config);
    Duration timeout = config.callTimeout();
    // a read unanswered for READ_TIMEOUT is an outage: the cache serves (SPEC §8, a short outage
    // delays nothing), so sending never waits longer than that for Firestore
    this.readTimeout = timeout.compareTo(READ_TIMEOUT) < 0 ? timeout : READ_TIMEOUT;
    this.calls = new Calls(readTimeout, 3, Duration.ofMillis(100), readTimeout.multipliedBy(2));
    this.cache = new ReadCache(clock, config.cacheMaxAge());
    if (restFirst) {
      RestFirestore client = RestFirestore.open(credentials, timeout);
      Rest restPorts = new Rest(client, new RestStatusBoard(client, calls, timeout));
      this.rest = Optional.of(restPorts);
      this.accountDirectory = new RestAccountDirectory(client, calls, cache, defaults);
      this.ruleSource = new RestRuleSource(client, calls, cache);
      this.statusBoard = restPorts.statusBoard();
      this.studentDirectory = OnFirstUse.students(() -> grpc().studentDirectory);
      this.deliveryLog = OnFirstUse.deliveryLog(() -> grpc().deliveryLog);
      this.runLog = OnFirstUse.runLog(() -> grpc().runLog);
      this.sessionBindings = OnFirstUse.sessionBindings(() -> grpc().sessionBindings);
    } else {
      GrpcAdapters built =
          GrpcAdapters.open(credentials, config, defaults, calls, cache, readTimeout);
      this.grpc = built;
      this.rest = Optional.empty();
      this.accountDirectory = built.accountDirectory;
      this.ruleSource = built.ruleSource;
      this.statusBoard = built.statusBoard;
      this.studentDirectory = built.studentDirectory;
      this.deliveryLog = built.deliveryLog;
      this.runLog = built.runLog;
      this.sessionBindings = built.sessionBindings;
    }
  }

  /**
   * Connects over gRPC (lazily: the first call dials), every adapter at once: the daemon's way. A
   * key or key file that cannot be used is an {@link IllegalArgumentException} with a one-line
   * message naming the setting.
   */
  public static FirestoreConnection open(
      FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    return open(config, defaults, clock, false);
  }

  /**
   * Connects for a one-shot tick: accounts, rules and the status board over Firestore's REST API
   * (no gRPC, Netty or protobuf classes to load), the gRPC client and the other adapters built on
   * their first use. Flush and close cover both.
   */
  public static FirestoreConnection openRestFirst(
      FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    return open(config, defaults, clock, true);
  }

  private static FirestoreConnection open(
      FirestoreConfig config, AccountDefaults defaults, Clock clock, boolean restFirst) {
    Objects.requireNonNull(config, "'config' must not be null");
    Objects.requireNonNull(defaults, "'defaults' must not be null");
    Objects.requireNonNull(clock, "'clock' must not be null");
    return new FirestoreConnection(config, defaults, clock, restFirst);
  }

  /** The gRPC adapters, built now if they were not yet (thread-safe, once). */
  private GrpcAdapters grpc() {
    GrpcAdapters built = grpc;
    if (built != null) {
      return built;
    }
    synchronized (grpcLock) {
      if (grpc == null) {
        if (closed) {
          throw new StoreUnavailable("the Firestore connection is closed");
        }
        grpc = GrpcAdapters.open(credentials, config, defaults, calls, cache, readTimeout);
      }
      return grpc;
    }
  }

  /** The gRPC adapters if they were built; empty otherwise (never builds them). */
  private Optional<GrpcAdapters> grpcIfBuilt() {
    return Optional.ofNullable(grpc);
  }

  public AccountDirectory accountDirectory() {
    return accountDirectory;
  }

  public RuleSource ruleSource() {
    return ruleSource;
  }

  public StatusBoard statusBoard() {
    return statusBoard;
  }

  public StudentDirectory studentDirectory() {
    return studentDirectory;
  }

  public DeliveryLog deliveryLog() {
    return deliveryLog;
  }

  public RunLog runLog() {
    return runLog;
  }

  public SessionBindings sessionBindings() {
    return sessionBindings;
  }

  /** The importer (the {@code import} command); REST-first, it builds the gRPC client. */
  public AccountImporter importer() {
    return grpc().importer;
  }

  /** The gRPC client, for tests in this package that write documents as the web app does. */
  com.google.cloud.firestore.Firestore firestore() {
    return grpc().firestore;
  }

  /** Whether the gRPC client was built (tests: a REST-first tick must not build it). */
  boolean grpcBuilt() {
    return grpc != null;
  }

  /**
   * True when Firestore answers a one-document query within {@code timeout} now, bypassing the
   * outage cache (for readiness and outage alerts); never throws. Over REST in REST-first mode.
   */
  public boolean isReachable(Duration timeout) {
    if (rest.isPresent()) {
      return reachableOverRest(rest.get().client(), timeout);
    }
    return grpc().isReachable(timeout);
  }

  private static boolean reachableOverRest(RestFirestore client, Duration timeout) {
    try {
      client
          .query("", "users", Optional.empty(), 1)
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Waits until every log, run and heartbeat written so far is committed (the REST heartbeats and
   * the gRPC writer's, if built); false on timeout.
   */
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean flushed = rest.map(ports -> ports.statusBoard().flush(timeout)).orElse(true);
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    return grpcIfBuilt().map(built -> built.writer.flush(left)).orElse(true) && flushed;
  }

  /** Writes handed over and not yet committed (for the heartbeat and health checks). */
  public int pendingWrites() {
    return rest.map(ports -> ports.statusBoard().pendingCount()).orElse(0)
        + grpcIfBuilt().map(built -> built.writer.pendingCount()).orElse(0);
  }

  /** Commits what is waiting (for up to 10 s), then closes the client. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Commits what is waiting for up to {@code within} (the rest of a shutdown's budget), then closes
   * the client; writes left are logged as a count. Ends of queued messages are never among them:
   * those were written through. In REST-first mode the gRPC writer, if it was built, goes first
   * (its QUEUED logs and run records matter more than a heartbeat, which the next run rewrites),
   * then the REST heartbeats get what is left.
   */
  public void close(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    GrpcAdapters built;
    synchronized (grpcLock) {
      closed = true;
      built = grpc;
    }
    try {
      if (built != null) {
        built.close(within);
      }
    } finally {
      rest.ifPresent(
          ports ->
              ports
                  .statusBoard()
                  .close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
    }
  }
}
