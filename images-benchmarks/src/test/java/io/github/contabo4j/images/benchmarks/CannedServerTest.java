package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The socket loop over raw sockets: pre-rendered answers, the header checks, the error count. */
class CannedServerTest {
  private static final String IMAGE = "/v1/compute/images/" + Contender.IMAGE_ID;
  private static final String TOKEN = "Authorization: Bearer " + Contender.TOKEN + "\r\n";
  private static final String ID = "x-request-id: 0b8f2c8e-7c1a-4c5e-9f5d-2a6b3c4d5e6f\r\n";

  private CannedServer server;

  @BeforeEach
  void start() throws IOException {
    server = CannedServer.start(0, null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Sends the requests on one connection and reads one answer per request: status and body. */
  private String[] exchange(String... requests) throws IOException {
    try (Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String[] answers = new String[requests.length];
      for (int i = 0; i < requests.length; i++) {
        out.write(requests[i].getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = in.readLine();
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
          read += in.read(body, read, length - read);
        }
        answers[i] = status + "\n" + new String(body);
      }
      return answers;
    }
  }

  private static String get(String path, String headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
  }

  @Test
  void answersTheCannedBytesOnOneKeptAliveConnection() throws IOException {
    String[] answers = exchange(get(IMAGE, TOKEN + ID), get("/v1/compute/images?size=100", TOKEN + ID));
    assertThat(answers[0]).startsWith("HTTP/1.1 200 OK\n").endsWith(new String(Canned.IMAGE, StandardCharsets.ISO_8859_1));
    assertThat(answers[1]).startsWith("HTTP/1.1 200 OK\n").endsWith(new String(Canned.LIST, StandardCharsets.ISO_8859_1));
    assertThat(server.errors()).isZero();
    assertThat(server.answered()).isEqualTo(2);
  }

  @Test
  void rejectsAMissingOrWrongTokenWith401AndAMissingRequestIdWith400AndCountsThem() throws IOException {
    String[] answers = exchange(get(IMAGE, ID), get(IMAGE, "Authorization: Bearer wrong\r\n" + ID), get(IMAGE, TOKEN),
        get("/v1/compute/nothing", TOKEN + ID), get(CannedServer.ERRORS_PATH, ""));
    assertThat(answers[0]).startsWith("HTTP/1.1 401 ");
    assertThat(answers[1]).startsWith("HTTP/1.1 401 ");
    assertThat(answers[2]).startsWith("HTTP/1.1 400 ").contains("x-request-id");
    assertThat(answers[3]).startsWith("HTTP/1.1 404 ");
    assertThat(answers[4]).isEqualTo("HTTP/1.1 200 OK\n4");
    assertThat(server.errors()).isEqualTo(4);
  }

  @Test
  void theParentReadsTheErrorCountOverHttp() throws IOException {
    exchange(get(IMAGE, ID));
    assertThat(ServerProcess.errors(server.baseUri())).isEqualTo(1);
  }
}
