/**
 * The WhatsApp gateway over wppconnect-server (contract: {@code wppconnect.md}): {@link
 * com.feesmanager.automation.adapters.wppconnect.WppConnectGateway} classifies every reply into the
 * port's outcomes, {@link com.feesmanager.automation.adapters.wppconnect.WppConnectWebhookParser}
 * turns webhook bodies into port-level events. HTTP and JSON types stay inside this package; no
 * secret and no full phone number is ever logged.
 */
package com.feesmanager.automation.adapters.wppconnect;
