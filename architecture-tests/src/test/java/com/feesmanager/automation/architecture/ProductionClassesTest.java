package com.feesmanager.automation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guards the production check against passing vacuously: the import it uses finds the main classes
 * of the modules and none of the rule fixtures.
 */
class ProductionClassesTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages(ArchitectureRules.ROOT);

  @Test
  void the_production_import_holds_the_main_classes_of_domain_and_ports() {
    assertThat(PRODUCTION.containPackage(ArchitectureRules.ROOT + ".domain.message")).isTrue();
    assertThat(PRODUCTION.containPackage(ArchitectureRules.ROOT + ".ports.out")).isTrue();
  }

  @Test
  void the_production_import_holds_no_fixture_or_test_class() {
    assertThat(PRODUCTION.stream().map(JavaClass::getPackageName))
        .noneMatch(name -> name.contains(".archfixture"))
        .noneMatch(name -> name.startsWith(ArchitectureRules.ROOT + ".architecture"));
  }
}
