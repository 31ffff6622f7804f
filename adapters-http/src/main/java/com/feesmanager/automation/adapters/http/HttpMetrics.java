package com.feesmanager.automation.adapters.http;

import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.Receipt;
import com.feesmanager.automation.ports.in.ApplyReceiptUseCase.ReceiptOutcome;
import com.feesmanager.automation.ports.out.SessionState;

/** What the HTTP surface needs of the process's metrics: the scrape, and what webhooks record. */
public interface HttpMetrics {

  /** The scrape's content type ({@code GET /metrics}). */
  String contentType();

  /** Every meter, in the text format of {@link #contentType()}. */
  String scrape();

  /** One delivery receipt from the webhook and what applying it did. */
  void recordReceipt(Receipt receipt, ReceiptOutcome outcome);

  /** A session state the gateway reported by webhook. */
  void recordSessionState(String session, SessionState state);
}
