package com.feesmanager.automation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessExitTest {

  @Test
  void ending_the_http_selectors_stops_the_thread_every_jdk_http_client_keeps_in_native_code()
      throws InterruptedException {
    // given a client, whose selector thread starts with it and waits in epoll_wait
    HttpClient client = HttpClient.newHttpClient();
    List<Thread> selectors = selectors();
    assertThat(selectors).isNotEmpty();

    // when
    ProcessExit.endHttpSelectors();

    // then every selector thread ends (the exit no longer waits 300 ms for them)
    for (Thread selector : selectors) {
      selector.join(10_000);
      assertThat(selector.isAlive()).as(selector.getName()).isFalse();
    }
    assertThat(client).isNotNull(); // held until here: a collected client ends its thread itself
  }

  private static List<Thread> selectors() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> ProcessExit.HTTP_SELECTOR.matcher(thread.getName()).matches())
        .toList();
  }
}
