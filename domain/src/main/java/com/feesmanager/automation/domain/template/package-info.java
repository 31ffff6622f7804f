/**
 * Message templates (SPEC §3): compiling a body into placeholders and literals, the values a
 * message is rendered with, money/date formatting, and rendering with fallbacks and skip reasons.
 */
package com.feesmanager.automation.domain.template;
