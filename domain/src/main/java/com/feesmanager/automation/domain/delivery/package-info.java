/**
 * Delivery policies as pure functions (SPEC §4, §5): message status progression, rate limits and
 * quiet hours answering "send now" or "wait until", and the retry policy.
 */
package com.feesmanager.automation.domain.delivery;
