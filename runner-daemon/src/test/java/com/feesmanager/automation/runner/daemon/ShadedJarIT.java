package com.feesmanager.automation.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The daemon's shaded jar stays lean (issue 15): at most 45 MB, without firebase-admin, gRPC's xDS,
 * natives for macOS and Windows or Micronaut (issue 16: JSON through Gson), and with gRPC's service
 * files kept (docs/firestore.md).
 */
class ShadedJarIT {

  static final Path JAR = Path.of("target", "fees-automation.jar");

  @Test
  void the_jar_is_at_most_45_mb_and_holds_nothing_it_never_uses() throws IOException {
    assertThat(Files.size(JAR)).isLessThanOrEqualTo(45_000_000L);
    List<String> entries = entries(JAR);
    assertThat(entries)
        .noneMatch(e -> e.startsWith("com/google/firebase/"))
        .noneMatch(e -> e.startsWith("io/grpc/xds/"))
        .noneMatch(e -> e.startsWith("com/google/cloud/storage/"))
        .noneMatch(e -> e.startsWith("io/micronaut/"))
        .noneMatch(
            e -> e.startsWith("META-INF/native/") && (e.contains("osx") || e.contains("windows")))
        .contains("META-INF/services/io.grpc.NameResolverProvider")
        .contains("com/google/cloud/firestore/Firestore.class");
  }

  static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }
}
