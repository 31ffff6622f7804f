package com.feesmanager.automation.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import com.feesmanager.automation.bootstrap.config.LogLevel;
import java.util.Locale;
import java.util.Optional;

/**
 * Logback's start-up configuration, found through {@code META-INF/services}: the same set-up as
 * {@link Logging#configure} from {@code LOG_LEVEL} and {@code LOG_FORMAT} (system property, else
 * environment), built in code because parsing {@code logback.xml} costs about 0.4 s of start-up.
 * With {@code -Dlogback.configurationFile=…} logback reads that file instead. Either way
 * java.util.logging is routed into logback from the start.
 */
public final class StartupConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      // that file sets the levels; logback.xml shows the LevelChangePropagator to declare with it
      Logging.installJulBridge();
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Logging.configure(context, level(setting("LOG_LEVEL")), Optional.empty(), json());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean json() {
    return "json".equals(setting("LOG_FORMAT").trim().toLowerCase(Locale.ROOT));
  }

  // An invalid level is the configuration loader's to report (exit 2); until then, INFO.
  private static LogLevel level(String value) {
    try {
      return LogLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return LogLevel.INFO;
    }
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null ? "" : value;
  }
}
