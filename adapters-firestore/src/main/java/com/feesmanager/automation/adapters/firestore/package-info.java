/**
 * The Fees Manager data in Firestore (SPEC §1): reads accounts, rules, templates and students
 * (mapped by the domain's {@code AccountDocuments}), writes message logs, run summaries and the
 * heartbeat. Reads retry with backoff and fall back to the last good copy of each account for
 * {@code FIRESTORE_CACHE_MAX_AGE}; writes go through one write-behind writer that batches up to 500
 * documents per commit and keeps them while Firestore is unreachable. No Firestore type leaves this
 * package; everything is built by {@link FirestoreConnection}. Every port talks to Firestore's REST
 * API ({@link RestFirestore}); only the importer uses the gRPC client, built on its first use.
 */
package com.feesmanager.automation.adapters.firestore;
