package io.github.contabo4j.images.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.contabo4j.images.upload.Finding;
import io.github.contabo4j.images.upload.PreflightOptions;
import io.github.contabo4j.images.upload.SourceFormat;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A redirect chain that starts on https and ends on plain http is followed and reported as a
 * downgrade. The https source uses a self-signed test certificate for 127.0.0.1 ({@code
 * upload/source-tls.p12}, password {@code changeit}, valid for 100 years), made with {@code keytool
 * -genkeypair -keyalg EC -alias source -storetype PKCS12 -dname CN=127.0.0.1 -ext san=ip:127.0.0.1}.
 */
class HttpsDowngradeTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private HttpsServer secure;
  private HttpServer plain;
  private SSLContext tls;

  @BeforeEach
  void start() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = HttpsDowngradeTest.class.getResourceAsStream("/upload/source-tls.p12")) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(km.getKeyManagers(), null, null);
    tls = SSLContext.getInstance("TLS");
    tls.init(null, tm.getTrustManagers(), null);

    plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] qcow2 = new byte[1024];
    qcow2[0] = 'Q';
    qcow2[1] = 'F';
    qcow2[2] = 'I';
    qcow2[3] = (byte) 0xfb;
    qcow2[7] = 3;
    plain.createContext("/disk.qcow2", exchange -> {
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : qcow2.length);
      if (!head) {
        exchange.getResponseBody().write(qcow2);
      }
      exchange.close();
    });
    plain.start();
    secure = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    secure.setHttpsConfigurator(new HttpsConfigurator(server));
    String target = "http://127.0.0.1:" + plain.getAddress().getPort() + "/disk.qcow2";
    secure.createContext("/start.qcow2", exchange -> {
      exchange.getResponseHeaders().add("Location", "/next.qcow2");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    secure.createContext("/next.qcow2", exchange -> {
      exchange.getResponseHeaders().add("Location", target);
      exchange.sendResponseHeaders(301, -1);
      exchange.close();
    });
    secure.start();
  }

  @AfterEach
  void stop() {
    secure.stop(0);
    plain.stop(0);
  }

  @Test
  void aRedirectChainFromHttpsToHttpIsFollowedAndTheDowngradeReported() {
    SourceProbe probe = new SourceProbe(PreflightOptions.defaults().allowingLoopbackForTests(),
        InetAddress::getAllByName, tls);

    SourceProbe.Probed probed =
        probe.probe(URI.create("https://127.0.0.1:" + secure.getAddress().getPort() + "/start.qcow2"));

    assertThat(probed.reachable()).isTrue();
    assertThat(probed.format()).isEqualTo(SourceFormat.QCOW2);
    List<Finding> findings = probed.findings();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.HTTPS_DOWNGRADE);
      assertThat(f.certainty()).isEqualTo(Finding.Certainty.HINT);
      assertThat(f.detail()).contains("/next.qcow2 to plain http http://127.0.0.1:");
    });
  }
}
