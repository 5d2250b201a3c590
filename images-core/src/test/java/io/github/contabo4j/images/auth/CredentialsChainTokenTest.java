package io.github.contabo4j.images.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token URL a source names is where the password grant goes, with that source's credentials. A
 * JDK {@code HttpServer} on loopback plays the token endpoint (it starts in milliseconds).
 */
class CredentialsChainTokenTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/realms/contabo/token", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = "{\"access_token\":\"chain-access-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theConfigFilesTokenUrlGetsThePasswordGrant() {
    String tokenUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/contabo/token";
    ChainFixture f = new ChainFixture(dir);
    f.homeFile(ChainFixture.yaml("file-client", "oauth2-tokenurl: " + tokenUrl));

    assertThat(f.resolve().accessToken()).isEqualTo("chain-access-1");

    assertThat(requests).singleElement().asString().startsWith("POST /realms/contabo/token grant_type=password")
        .contains("client_id=file-client").contains("username=ops%2Bimages%40example.com");
  }
}
