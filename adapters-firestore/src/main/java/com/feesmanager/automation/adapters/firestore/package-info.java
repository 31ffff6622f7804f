/**
 * The Fees Manager data in Firestore (SPEC §1): reads accounts, rules, templates and students
 * (mapped by the domain's {@code AccountDocuments}), writes message logs, run summaries and the
 * heartbeat. Reads retry with backoff and fall back to the last good copy of each account for
 * {@code FIRESTORE_CACHE_MAX_AGE}; writes go through one write-behind writer that batches up to 500
 * documents per commit and keeps them while Firestore is unreachable. No Firestore type leaves this
 * package; everything is built by {@link FirestoreConnection}. Opened REST-first (a one-shot tick),
 * accounts, rules and the status board use Firestore's REST API ({@code Rest*}) and the gRPC client
 * is built on the first call that needs it.
 */
package com.feesmanager.automation.adapters.firestore;
