/**
 * The process configuration of SPEC §7: {@link
 * com.feesmanager.automation.bootstrap.config.ConfigLoader} turns the environment (and a {@code
 * .env} file) into an immutable {@link
 * com.feesmanager.automation.bootstrap.config.AutomationConfig}, or a {@link
 * com.feesmanager.automation.bootstrap.config.ConfigException} listing every problem at once.
 * Nothing here reads {@code System.getenv}, logs or prints; secrets are held in types whose {@code
 * toString} hides them, and no message ever repeats a secret.
 */
package com.feesmanager.automation.bootstrap.config;
