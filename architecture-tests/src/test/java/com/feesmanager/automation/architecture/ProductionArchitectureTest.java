package com.feesmanager.automation.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Checks every rule of {@link ArchitectureRules} against the production classes of all modules on
 * the classpath; test classes (and so the rule fixtures) are not imported.
 */
@AnalyzeClasses(
    packages = ArchitectureRules.ROOT,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ProductionArchitectureTest {

  @ArchTest static final ArchTests ALL_RULES = ArchTests.in(ArchitectureRules.class);
}
