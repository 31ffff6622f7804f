package com.feesmanager.automation.adapters.wppconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

  private static HttpTransport transport(String url) {
    return new HttpTransport(
        WppConnectConfig.of(URI.create(url), Optional.empty(), Optional.of("k")));
  }

  @Test
  void plainHttpServer_doesNotLoadTheJdkTrustStore() throws Exception {
    // the default context parses every certificate of the trust store: a cold tick's cost
    try (HttpTransport transport = transport("http://wppconnect-server:21465")) {
      assertThat(transport.client().sslContext()).isNotSameAs(SSLContext.getDefault());
      assertThat(transport.client().sslContext().getProtocol()).isEqualTo("TLS");
    }
  }

  @Test
  void httpsServer_keepsTheJdkDefaultTls() throws Exception {
    try (HttpTransport transport = transport("https://wpp.example.com")) {
      assertThat(transport.client().sslContext()).isSameAs(SSLContext.getDefault());
    }
  }

  @Test
  void plainHttpContext_trustsNoCertificate() {
    PlainHttpTls.TrustsNothing trust = new PlainHttpTls.TrustsNothing();
    assertThat(trust.getAcceptedIssuers()).isEmpty();
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOf(CertificateException.class);
  }
}
