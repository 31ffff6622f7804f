/** What the core offers ({@code in}: use cases) and what it needs ({@code out}: outbound ports). */
package com.feesmanager.automation.ports;
