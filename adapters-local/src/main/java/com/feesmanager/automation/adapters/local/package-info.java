/**
 * The embedded default (SPEC §9): account files read into memory, an in-process queue, ledgers and
 * logs, and a gateway that writes each message to the console and an outbox file instead of
 * WhatsApp. Every adapter is thread-safe and keeps its state in memory only, so a process restart
 * starts afresh. No standard stream is used here: the console is handed in by the runner.
 */
package com.feesmanager.automation.adapters.local;
