/**
 * Outbound ports, named by capability in domain words. No SDK type crosses them; no method returns
 * null. Infrastructure failures are {@link InfrastructureException}s.
 */
package com.feesmanager.automation.ports.out;
