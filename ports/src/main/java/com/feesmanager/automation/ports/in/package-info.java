/** Use cases: one interface each, one method taking a command record. */
package com.feesmanager.automation.ports.in;
