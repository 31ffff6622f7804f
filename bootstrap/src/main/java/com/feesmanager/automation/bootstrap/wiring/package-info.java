/**
 * Guice wiring shared by every runner: modules of {@code @Provides} methods calling plain
 * constructors, no conditionals and no I/O inside a module. The runner opens the clients ({@link
 * com.feesmanager.automation.bootstrap.wiring.ServerClients}) and hands them to the modules; it
 * also closes them.
 */
package com.feesmanager.automation.bootstrap.wiring;
