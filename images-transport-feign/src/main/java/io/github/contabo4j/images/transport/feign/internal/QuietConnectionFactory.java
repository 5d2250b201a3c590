package io.github.contabo4j.images.transport.feign.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Apache connections that never log a header or a byte of the wire, for the clients the Feign
 * transport builds.
 *
 * <p>Apache's own {@link DefaultManagedHttpClientConnection} logs every request and response header,
 * {@code Authorization} included, under {@code org.apache.hc.client5.http.headers} at DEBUG, and every
 * byte sent and received under {@code org.apache.hc.client5.http.wire} at DEBUG. Anyone who turns on
 * DEBUG for {@code org.apache.hc} would log the bearer token. These connections:
 *
 * <ul>
 *   <li>bind to a plain {@link SocketHolder}: {@code bind(Socket)} and {@code bind(SSLSocket, Socket)}
 *       would wrap the socket in a logging holder whenever the wire logger is enabled, so they are
 *       overridden to bind a plain one, and a logging holder handed to {@code bind(SocketHolder)} is
 *       unwrapped to a plain one over the same sockets;
 *   <li>log nothing in {@code onRequestSubmitted} and {@code onResponseReceived}: core's {@code WireLog}
 *       already logs the request and answer lines and the allow-listed headers.
 * </ul>
 *
 * <p>Everything else is built as {@link ManagedHttpClientConnectionFactory} builds it (default char
 * coding, content-length strategies and request writer, ids {@code http-outgoing-N}), with core's strict
 * response parser ({@link DefaultHttpResponseParserFactory} over {@link Http1Config#DEFAULT}), see {@link
 * Hc5Clients#create}. Connection life-cycle lines (open, close, socket timeout) still go to Apache's
 * other loggers; they carry no header. Stateless and thread-safe. Not API.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
  private static final AtomicLong COUNTER = new AtomicLong();

  static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

  private QuietConnectionFactory() {}

  @Override
  public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
    QuietConnection connection = new QuietConnection("http-outgoing-" + COUNTER.getAndIncrement());
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  }

  /** A connection with Apache's header and wire logging cut out. */
  static final class QuietConnection extends DefaultManagedHttpClientConnection {
    QuietConnection(String id) {
      super(id, null, null, Http1Config.DEFAULT, null, null, null, null,
          new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
    }

    @Override
    public void bind(Socket socket) throws IOException {
      bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      bind(new SocketHolder(sslSocket, socket));
    }

    @Override
    public void bind(SocketHolder holder) throws IOException {
      // Apache's LoggingSocketHolder is package-private: any subclass is a wrapper to drop.
      if (holder.getClass() != SocketHolder.class) {
        SSLSocket ssl = holder.getSSLSocket();
        holder = ssl == null ? new SocketHolder(holder.getSocket()) : new SocketHolder(ssl, holder.getBaseSocket());
      }
      super.bind(holder);
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
      // Deliberately nothing: Apache would log every header here, Authorization included.
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
      // Deliberately nothing: core's WireLog logs the answer line and the allow-listed headers.
    }
  }
}
