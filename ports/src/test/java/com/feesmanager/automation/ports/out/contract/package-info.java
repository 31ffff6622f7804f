/**
 * Abstract contract tests, one per outbound port, and the test-data builders they share. Every
 * adapter's test subclasses the contract of its port and provides the adapter through the abstract
 * factory method; the tests move time by hand (every port method takes an instant) and isolate
 * themselves with unique names, so a subclass backed by a shared server may run them in parallel
 * and repeatedly.
 */
package com.feesmanager.automation.ports.out.contract;
