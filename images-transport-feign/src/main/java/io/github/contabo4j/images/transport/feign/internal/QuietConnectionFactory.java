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
import org.apache.hc.core5.http.io.SessionInputBuffer;
import java.io.InputStream;
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
 * other loggers; they carry no header.
 *
 * <p><b>Honest reuse.</b> The pool asks every connection it leases whether it is stale ({@code
 * validateAfterInactivity} is 0, see {@link Hc5Clients#create}), and these connections answer:
 *
 * <ul>
 *   <li>Stale, whenever bytes wait on it: in Apache's input buffer (left past the end of the last
 *       body, e.g. an answer longer than its {@code Content-Length}) or in the socket. Apache's own
 *       check reads them as a sign of life; reused, they would become the next call's answer. This
 *       check does not block.
 *   <li>Before a {@code POST}, {@code PATCH} or {@code DELETE} only, also Apache's own check: a read
 *       of at most 1 ms that sees a server's FIN or RST, so an unsafe request is never written to a
 *       connection the server has closed (where it would fail after maybe being sent, and a create
 *       would end in reconciliation). A {@code GET} skips this 1 ms read; a closed connection fails it
 *       before any byte is answered, and a GET is safe to retry. The cost is measured in
 *       docs/PERFORMANCE.md.
 * </ul>
 *
 * <p>Which request a lease is for travels in a thread-local set by {@link CancellableHttpClient}
 * around each execution (the classic pool leases on the calling thread). Thread-safe. Not API.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
  private static final AtomicLong COUNTER = new AtomicLong();
  /** Whether the calling thread is leasing a connection for a POST, PATCH or DELETE. */
  private static final ThreadLocal<Boolean> UNSAFE_LEASE = ThreadLocal.withInitial(() -> Boolean.FALSE);

  static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

  private QuietConnectionFactory() {}

  /**
   * Says which request the calling thread's next lease is for.
   *
   * @param method the request's method
   */
  static void leasingFor(String method) {
    UNSAFE_LEASE.set(!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method));
  }

  /** Ends {@link #leasingFor}. */
  static void leased() {
    UNSAFE_LEASE.remove();
  }

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
    private volatile @Nullable SessionInputBuffer sessionBuffer;

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
    protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream in) {
      sessionBuffer = buffer; // the connection's one input buffer, to see bytes left past a body
      return super.createContentInputStream(length, buffer, in);
    }

    @Override
    public boolean isStale() throws IOException {
      if (!isOpen() || hasWaitingBytes()) {
        return true;
      }
      if (!UNSAFE_LEASE.get()) {
        return false;
      }
      return super.isStale() || hasWaitingBytes();
    }

    /** Whether bytes nobody asked for wait in Apache's buffer or in the socket; never blocks. */
    private boolean hasWaitingBytes() {
      SessionInputBuffer buffer = sessionBuffer;
      if (buffer != null && buffer.length() > 0) {
        return true;
      }
      Socket socket = getSocket();
      try {
        return socket != null && socket.getInputStream().available() > 0;
      } catch (IOException e) {
        return true;
      }
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
