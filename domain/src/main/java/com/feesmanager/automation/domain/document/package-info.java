/**
 * Maps account documents (plain maps of strings, booleans, numbers, lists, maps and instants, as
 * both Firestore and the account file give them) to the model, with SPEC §1's defaults; a document
 * that cannot be understood becomes problems naming its path and field.
 */
package com.feesmanager.automation.domain.document;
