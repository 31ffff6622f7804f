package com.feesmanager.automation.adapters.firestore;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.AccountDirectory;
import com.feesmanager.automation.ports.out.DeliveryLog;
import com.feesmanager.automation.ports.out.RuleSource;
import com.feesmanager.automation.ports.out.RunLog;
import com.feesmanager.automation.ports.out.SendTimeReads;
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
 * <p>Every adapter talks to Firestore's REST API ({@link RestFirestore}): no gRPC, Netty or
 * protobuf class is loaded by the daemon or a tick (docs/decisions/firestore-rest.md). Only the
 * {@code import} command builds the gRPC client, on its first use.
 */
public final class FirestoreConnection implements AutoCloseable {

  /**
   * The heap that writes waiting for Firestore may hold (an estimate): a few thousand logs, well
   * inside the daemon's 96 MiB heap. Past it a caller waits briefly, then writes through.
   */
  static final long MAX_PENDING_BYTES = 8L << 20;

  /** The longest a read waits for Firestore before the cache serves instead. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final FirestoreCredentials credentials;
  private final FirestoreConfig config;
  private final RestFirestore client;
  private final WriteBehind writer;
  private final RestStatusBoard statusBoard;
  private final RestAccountDirectory accountDirectory;
  private final RuleSource ruleSource;
  private final StudentDirectory studentDirectory;
  private final FirestoreDeliveryLog deliveryLog;
  private final SendTimeReads sendTimeReads;
  private final RunLog runLog;
  private final SessionBindings sessionBindings;
  private final Object grpcLock = new Object();

  /** The importer's gRPC client, built on its first use; guarded by {@code grpcLock}. */
  private GrpcAdapters grpc;

  private boolean closed;

  private FirestoreConnection(FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    this.config = config;
    this.credentials = FirestoreCredentials.of(config);
    Duration timeout = config.callTimeout();
    // a read unanswered for READ_TIMEOUT is an outage: the cache serves (SPEC §8, a short outage
    // delays nothing), so sending never waits longer than that for Firestore
    Duration readTimeout = timeout.compareTo(READ_TIMEOUT) < 0 ? timeout : READ_TIMEOUT;
    Calls calls = new Calls(readTimeout, 3, Duration.ofMillis(100), readTimeout.multipliedBy(2));
    ReadCache cache = new ReadCache(clock, config.cacheMaxAge());
    this.client = RestFirestore.open(credentials, timeout);
    // the writer retries on its own, without a circuit breaker shared with the reads
    Calls writes = new Calls(timeout, 1, Duration.ofMillis(100), Duration.ofMillis(1));
    this.writer = new WriteBehind(client, writes, timeout, MAX_PENDING_BYTES, Optional.of(calls));
    this.statusBoard = new RestStatusBoard(client, calls, timeout);
    this.accountDirectory = new RestAccountDirectory(client, calls, cache, defaults);
    this.ruleSource = new RestRuleSource(client, calls, cache);
    this.studentDirectory =
        new FirestoreStudentDirectory(client, calls, cache, config.ledgerMaxAge(), timeout);
    // the end of a message waits no longer than a read: then it is asked for later instead
    this.deliveryLog = new FirestoreDeliveryLog(client, calls, writer, readTimeout);
    this.sendTimeReads = new RestSendTimeReads(client, calls, accountDirectory, deliveryLog);
    this.runLog = new FirestoreRunLog(client, calls, writer);
    this.sessionBindings = new FirestoreSessionBindings(client, calls);
  }

  /**
   * Connects (lazily: the first call dials), every adapter at once. A key or key file that cannot
   * be used is an {@link IllegalArgumentException} with a one-line message naming the setting.
   */
  public static FirestoreConnection open(
      FirestoreConfig config, AccountDefaults defaults, Clock clock) {
    Objects.requireNonNull(config, "'config' must not be null");
    Objects.requireNonNull(defaults, "'defaults' must not be null");
    Objects.requireNonNull(clock, "'clock' must not be null");
    return new FirestoreConnection(config, defaults, clock);
  }

  /** The importer's gRPC client, built now if it was not yet (thread-safe, once). */
  private GrpcAdapters grpc() {
    synchronized (grpcLock) {
      if (grpc == null) {
        if (closed) {
          throw new StoreUnavailable("the Firestore connection is closed");
        }
        grpc = GrpcAdapters.open(credentials, config);
      }
      return grpc;
    }
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

  public SendTimeReads sendTimeReads() {
    return sendTimeReads;
  }

  public RunLog runLog() {
    return runLog;
  }

  public SessionBindings sessionBindings() {
    return sessionBindings;
  }

  /** The importer (the {@code import} command): it builds the gRPC client. */
  public AccountImporter importer() {
    return grpc().importer;
  }

  /** The gRPC client, for tests in this package that write documents as the web app does. */
  com.google.cloud.firestore.Firestore firestore() {
    return grpc().firestore;
  }

  /** The REST client the adapters use, for tests in this package. */
  RestFirestore rest() {
    return client;
  }

  /** Whether the gRPC client was built (tests: only the importer builds it). */
  boolean grpcBuilt() {
    synchronized (grpcLock) {
      return grpc != null;
    }
  }

  /**
   * True when Firestore answers a one-document query within {@code timeout} now, bypassing the
   * outage cache (for readiness and outage alerts); never throws.
   */
  public boolean isReachable(Duration timeout) {
    try {
      client
          .query(RestFirestore.Query.of("", "users").limit(1))
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /** Waits until every log, run and heartbeat written so far is committed; false on timeout. */
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean flushed = writer.flush(timeout);
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    return statusBoard.flush(left) && flushed;
  }

  /** Writes handed over and not yet committed (for the heartbeat and health checks). */
  public int pendingWrites() {
    return writer.pendingCount() + statusBoard.pendingCount();
  }

  /** Commits what is waiting (for up to 10 s), then closes the client. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Commits what is waiting for up to {@code within} (the rest of a shutdown's budget), then closes
   * the client; writes left are logged as a count. Ends of queued messages are never among them:
   * those were written through. The logs and run records go first (they matter more than a
   * heartbeat, which the next run rewrites), then the heartbeats get what is left.
   */
  public void close(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    GrpcAdapters built;
    synchronized (grpcLock) {
      closed = true;
      built = grpc;
    }
    try {
      writer.close(within);
      statusBoard.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } finally {
      if (built != null) {
        built.close();
      }
    }
  }
}
