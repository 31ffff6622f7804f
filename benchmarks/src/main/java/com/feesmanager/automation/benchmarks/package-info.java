/**
 * JMH benchmarks of the domain. Data is generated from a fixed seed so runs compare; results are
 * read by {@code scripts/bench-domain.sh}.
 */
package com.feesmanager.automation.benchmarks;
