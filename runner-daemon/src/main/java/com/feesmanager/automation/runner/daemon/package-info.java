/**
 * The process entry point: the operator CLI (picocli) and, later, the long-running daemon. The only
 * place that reads the environment, owns clients and writes to the standard streams.
 */
package com.feesmanager.automation.runner.daemon;
