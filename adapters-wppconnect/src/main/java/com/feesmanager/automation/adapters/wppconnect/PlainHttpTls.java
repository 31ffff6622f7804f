package com.feesmanager.automation.adapters.wppconnect;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of a client that only ever speaks plain {@code http://} (wppconnect-server on a
 * Docker network or localhost). The JDK's HTTP client needs some context even then, and its default
 * one reads and parses every certificate of the JDK's trust store (about 140): a cold one-shot tick
 * paid that for nothing (issue 16). This context trusts no certificate at all, so if TLS were ever
 * attempted through it (it is not: redirects are not followed) the handshake fails instead of
 * trusting anything.
 */
final class PlainHttpTls {

  private PlainHttpTls() {}

  static SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[] {new TrustsNothing()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS implementation in this JDK", e);
    }
  }

  /** Refuses every certificate chain. */
  static final class TrustsNothing implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this client speaks plain http only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this client speaks plain http only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
