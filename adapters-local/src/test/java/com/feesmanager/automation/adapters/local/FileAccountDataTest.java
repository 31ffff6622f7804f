package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.domain.document.AccountDefaults;
import com.feesmanager.automation.ports.out.contract.AccountDataContract;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The account-data contract over real JSON files, so parsing is part of what is tested. */
class FileAccountDataTest extends AccountDataContract {

  /** Writes the maps as they are, nulls included. */
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  @TempDir Path dir;

  @Override
  protected AccountData newAccountData(
      List<Map<String, Object>> accountFiles, AccountDefaults defaults) {
    List<Path> paths = new ArrayList<>();
    for (Map<String, Object> accountFile : accountFiles) {
      Path path = dir.resolve("account-" + paths.size() + ".json");
      try {
        Files.writeString(path, GSON.toJson(accountFile));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      paths.add(path);
    }
    return AccountData.of(FileAccountData.load(paths, defaults));
  }
}
