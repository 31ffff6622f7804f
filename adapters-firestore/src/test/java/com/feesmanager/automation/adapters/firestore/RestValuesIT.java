package com.feesmanager.automation.adapters.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.feesmanager.automation.ports.out.contract.Unique;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST codec against the gRPC client on the same documents (the emulator): written with one,
 * read with the other, every type.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class RestValuesIT {

  private static Map<String, Object> everyCommonType() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("long", 9_007_199_254_740_993L);
    data.put("negative", -4000L);
    data.put("double", 4000.5);
    data.put("wholeDouble", 500.0);
    data.put("nan", Double.NaN);
    data.put("flag", true);
    data.put("text", "محترم والدین، فیس 4,000 روپے");
    data.put("none", null);
    data.put("at", FirestoreValues.toTimestamp(Instant.parse("2026-11-10T05:00:00.123456Z")));
    data.put("map", Map.of("nested", Map.of("deep", List.of(1L, "two", 3.5)), "empty", Map.of()));
    List<Object> list = new ArrayList<>();
    list.add("a");
    list.add(null);
    list.add(Map.of("k", false));
    data.put("list", list);
    data.put("emptyList", List.of());
    return data;
  }

  private static RestFirestore rest() {
    return RestFirestore.open(
        FirestoreCredentials.of(FirestoreEmulatorExtension.emulator().config()),
        Duration.ofSeconds(10));
  }

  @Test
  void what_the_grpc_client_writes_is_read_over_rest_as_the_grpc_client_reads_it()
      throws Exception {
    // given a document written with the gRPC client, with every type
    String path = "users/" + Unique.name("academy") + "/templates/t1";
    Map<String, Object> written = everyCommonType();
    written.put("bytes", Blob.fromBytes(new byte[] {0, 1, -1}));
    written.put("geo", new GeoPoint(24.86, 67.01));
    Map<String, Object> readOverGrpc;
    try (Firestore sdk = FirestoreEmulatorExtension.emulator().documentsClient()) {
      written.put("ref", sdk.document("users/u1/students/s1"));
      sdk.document(path).set(written).get(10, TimeUnit.SECONDS);
      readOverGrpc = sdk.document(path).get().get(10, TimeUnit.SECONDS).getData();
    }

    // when
    Optional<RestFirestore.Document> read = rest().get(path).get(10, TimeUnit.SECONDS);

    // then the common types are equal to what the gRPC client reads, the rare ones carry the same
    assertThat(read).isPresent();
    Map<String, Object> overRest = new LinkedHashMap<>(read.get().data());
    assertThat(read.get().id()).isEqualTo("t1");
    assertThat(read.get().path()).isEqualTo(path);
    assertThat(((RestValues.Blob) overRest.remove("bytes")).bytes())
        .isEqualTo(((Blob) readOverGrpc.remove("bytes")).toBytes());
    GeoPoint geo = (GeoPoint) readOverGrpc.remove("geo");
    assertThat(overRest.remove("geo"))
        .isEqualTo(new RestValues.GeoPoint(geo.getLatitude(), geo.getLongitude()));
    DocumentReference ref = (DocumentReference) readOverGrpc.remove("ref");
    assertThat(((RestValues.DocumentReference) overRest.remove("ref")).name())
        .endsWith("/documents/" + ref.getPath());
    assertThat(overRest).isEqualTo(readOverGrpc).isEqualTo(everyCommonType());
  }

  @Test
  void what_rest_writes_the_grpc_client_reads_as_it_would_have_written_it() throws Exception {
    // given
    String path = "users/" + Unique.name("academy") + "/automation/status";
    Map<String, Object> written = everyCommonType();
    written.put("bytes", new RestValues.Blob(new byte[] {0, 1, -1}));
    written.put("geo", new RestValues.GeoPoint(24.86, 67.01));
    written.put(
        "ref",
        new RestValues.DocumentReference(
            "projects/"
                + FirestoreEmulator.PROJECT
                + "/databases/(default)/documents/users/u1/students/s1"));

    // when
    rest().set(path, written).get(10, TimeUnit.SECONDS);

    // then
    try (Firestore sdk = FirestoreEmulatorExtension.emulator().documentsClient()) {
      Map<String, Object> read = sdk.document(path).get().get(10, TimeUnit.SECONDS).getData();
      assertThat(read.remove("bytes")).isEqualTo(Blob.fromBytes(new byte[] {0, 1, -1}));
      assertThat(read.remove("geo")).isEqualTo(new GeoPoint(24.86, 67.01));
      assertThat(((DocumentReference) read.remove("ref")).getPath())
          .isEqualTo("users/u1/students/s1");
      assertThat(read).isEqualTo(everyCommonType());
    }
  }

  @Test
  void a_rest_write_replaces_the_whole_document_as_the_grpc_set_does() throws Exception {
    // given
    String path = "users/" + Unique.name("academy") + "/automation/status";
    RestFirestore rest = rest();
    rest.set(path, Map.of("old", 1L, "kept", "no")).get(10, TimeUnit.SECONDS);

    // when
    rest.set(path, Map.of("kept", "yes")).get(10, TimeUnit.SECONDS);

    // then
    assertThat(rest.get(path).get(10, TimeUnit.SECONDS).map(RestFirestore.Document::data))
        .contains(Map.of("kept", "yes"));
    assertThat(rest.get(path + "-absent").get(10, TimeUnit.SECONDS)).isEmpty();
  }
}
