package com.feesmanager.automation.adapters.firestore;

import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.doc;
import static com.feesmanager.automation.ports.out.contract.AccountFileBuilder.fee;
import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.domain.account.Student;
import com.feesmanager.automation.domain.document.AccountDocuments;
import com.feesmanager.automation.domain.document.Mapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StudentCopyTest {

  /**
   * Students as the mapper makes them from documents: every optional field present and absent,
   * opted out and inactive ones, several fees with fractions, Urdu text, and unreadable documents.
   */
  static Map<String, Map<String, Object>> documents(int count) {
    Map<String, Map<String, Object>> documents = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("stu-%05d", i);
      Map<String, Object> document =
          switch (i % 5) {
            case 0 -> doc("name", "Ali Raza " + i, "guardianPhone", "0300-12345" + (i % 100));
            case 1 ->
                doc(
                    "name",
                    "علی رضا " + i,
                    "guardianName",
                    "والد " + i,
                    "phone",
                    "+923001234567",
                    "guardianPhone",
                    "03215550123",
                    "className",
                    "Class " + (i % 10),
                    "optOut",
                    true,
                    "fees",
                    List.of(
                        fee("2026-09", 4000, 4000, "2026-09-10"),
                        fee("2026-10", 4000.5, 1250.25, "2026-10-10"),
                        fee("2026-11", 999_999_999_999L, 0, "2026-11-10")));
            case 2 ->
                doc(
                    "name",
                    "Sana Malik",
                    "active",
                    false,
                    "fees",
                    List.of(fee("2026-11", 3500, 0, "2026-11-05")));
            case 3 -> doc("guardianPhone", "0300", "fees", List.of(doc("month", "November")));
            default ->
                doc(
                    "name",
                    "Hamza " + i,
                    "phone",
                    923001234567L + i,
                    "className",
                    "",
                    "fees",
                    List.of(fee("2025-12", 1, 0, "2025-12-31")));
          };
      documents.put(id, document);
    }
    return documents;
  }

  static List<Mapped<Student>> mapped(String uid, Map<String, Map<String, Object>> documents) {
    List<Mapped<Student>> mapped = new ArrayList<>();
    documents.forEach((id, document) -> mapped.add(AccountDocuments.student(uid, id, document)));
    return mapped;
  }

  private static StudentCopy pack(List<Mapped<Student>> students) {
    try (StudentCopy.Writer writer = new StudentCopy.Writer()) {
      for (Mapped<Student> student : students) {
        writer.add(id(student), student);
      }
      return writer.finish();
    }
  }

  private static String id(Mapped<Student> student) {
    if (student instanceof Mapped.Ok<Student> ok) {
      return ok.value().id();
    }
    String path = ((Mapped.Broken<Student>) student).problems().get(0).path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Test
  void theCopy_handsBackEveryStudentEqualToTheOneRead_inTheSameOrder() {
    List<Mapped<Student>> read = mapped("academy", documents(1_000));
    assertThat(read).hasAtLeastOneElementOfType(Mapped.Broken.class);

    StudentCopy copy = pack(read);

    List<Mapped<Student>> decoded = new ArrayList<>();
    copy.forEachAfter(Optional.empty(), decoded::add);
    assertThat(decoded).isEqualTo(read);
    assertThat(copy.count()).isEqualTo(1_000);
  }

  @Test
  void theRestOfARead_comesFromTheStudentsAfterTheLastOneHandedOn() {
    List<Mapped<Student>> read = mapped("academy", documents(50));
    StudentCopy copy = pack(read);

    List<Mapped<Student>> rest = new ArrayList<>();
    copy.forEachAfter(Optional.of("stu-00019"), rest::add);

    assertThat(rest).isEqualTo(read.subList(20, 50));
  }

  @Test
  void oneStudent_isFoundByItsDocumentId_brokenOnesToo() {
    List<Mapped<Student>> read = mapped("academy", documents(50));
    StudentCopy copy = pack(read);

    assertThat(copy.find("stu-00031")).contains(read.get(31));
    assertThat(copy.find("stu-00033")).contains(read.get(33));
    assertThat(read.get(33)).isInstanceOf(Mapped.Broken.class);
    assertThat(copy.find("stu-99999")).isEmpty();
  }

  @Test
  void theCopyIsCompact_wellUnderAHundredBytesAStudent() {
    // the objects took ≈ 460 bytes a student (23 MB for 50,000): the copy is what stays in the heap
    StudentCopy copy = pack(mapped("academy", documents(5_000)));

    assertThat(copy.size()).isLessThan(5_000 * 100);
  }

  @Test
  void anEmptyAccount_hasAnEmptyCopy() {
    StudentCopy copy = pack(List.of());

    List<Mapped<Student>> decoded = new ArrayList<>();
    copy.forEachAfter(Optional.empty(), decoded::add);
    assertThat(decoded).isEmpty();
    assertThat(copy.find("stu-00001")).isEmpty();
  }
}
