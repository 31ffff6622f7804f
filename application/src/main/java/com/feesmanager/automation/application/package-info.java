/**
 * The use cases: orchestration of domain decisions and outbound ports, nothing else. No framework
 * annotations; collaborators come through constructors; time and randomness are injected.
 */
package com.feesmanager.automation.application;
