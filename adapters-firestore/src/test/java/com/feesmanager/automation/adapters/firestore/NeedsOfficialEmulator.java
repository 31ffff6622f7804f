package com.feesmanager.automation.adapters.firestore;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or every test of a class) that needs a feature Google's emulator has and the npm
 * fallback {@code @firestore-emulator/server} lacks; on the fallback, {@link
 * FirestoreEmulatorExtension} fails it, naming the features, instead of running it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@interface NeedsOfficialEmulator {

  /** The missing features, e.g. "collectionGroup", "cursors", "nested-field filters". */
  String[] value();

  /**
   * On a class: only these test methods (by name; for tests inherited from a contract, which cannot
   * be annotated here); empty means every test of the class.
   */
  String[] tests() default {};
}
