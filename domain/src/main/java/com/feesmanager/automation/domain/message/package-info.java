/**
 * From a matched rule to messages (SPEC §1.4, §3, §4): phone normalisation, recipients per
 * audience, consolidation, skip reasons, and the deterministic message key.
 */
package com.feesmanager.automation.domain.message;
