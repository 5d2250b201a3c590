package io.github.contabo4j.images.transport.feign.internal;

import java.io.IOException;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Apache connections that never log a header or a byte of the wire, for the clients the Feign
 * transport builds.
 *
 * <p>Apache's own {@code DefaultManagedHttpClientConnection} logs every request and response header,
 * {@code Authorization} included, under {@code org.apache.hc.client5.http.headers} at DEBUG, and every
 * byte sent and received under {@code org.apache.hc.client5.http.wire} at DEBUG. Anyone who turns on
 * DEBUG for {@code org.apache.hc} would log the bearer token. These connections:
 *
 * <ul>
 *   <li>bind to a plain {@link SocketHolder}: Apache's {@code bind(Socket)} and {@code bind(SSLSocket,
 *       Socket)} wrap the socket in a logging holder whenever the wire logger is enabled;
 *   <li>log nothing when a request is sent or an answer received (httpcore's no-op hooks, not Apache
 *       client's logging ones): core's {@code WireLog} already logs the request and answer lines and
 *       the allow-listed headers.
 * </ul>
 *
 * <p>Everything else is built as {@link ManagedHttpClientConnectionFactory} builds it (default char
 * coding, content-length strategies and request writer, ids {@code http-outgoing-N}), with core's strict
 * response parser ({@link DefaultHttpResponseParserFactory} over {@link Http1Config#DEFAULT}), see {@link
 * Hc5Clients#create}. Connection life-cycle lines (open, close, socket timeout) still go to Apache's
 * other loggers; they carry no header. Stateless and thread-safe. Not API.
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
 * <p>Which request a lease is for travels in a thread-local set by {@link Hc5FeignClient}
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

  /**
   * A connection with Apache's header and wire logging cut out. It does what Apache's {@code
   * DefaultManagedHttpClientConnection} does, minus the logging, on top of httpcore's public {@link
   * DefaultBHttpClientConnection}: that class is final from httpclient5 5.5 down (Spring Boot 4.0
   * manages 5.5.x), so extending it would tie the transport to 5.6+.
   */
  static final class QuietConnection extends DefaultBHttpClientConnection
      implements ManagedHttpClientConnection, Identifiable {
    private final String id;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Timeout socketTimeout = Timeout.DISABLED;
    private volatile @Nullable SessionInputBuffer sessionBuffer;

    QuietConnection(String id) {
      super(Http1Config.DEFAULT, null, null, null, null, null,
          new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void bind(Socket socket) throws IOException {
      bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      bind(new SocketHolder(sslSocket, socket));
    }

    /** A plain holder only: never Apache's logging one. */
    @Override
    protected void bind(SocketHolder holder) throws IOException {
      if (closed.get()) {
        holder.getSocket().close();
        throw new InterruptedIOException("Connection already shutdown");
      }
      super.bind(holder);
      socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
    }

    @Override
    public @Nullable Socket getSocket() {
      SocketHolder holder = getSocketHolder();
      return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
      super.setSocketTimeout(timeout);
      socketTimeout = timeout;
    }

    /** Idle in the pool: no read timeout, as Apache's own connection. */
    @Override
    public void passivate() {
      super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    /** Leased again: the timeout it had before. */
    @Override
    public void activate() {
      super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void close() throws IOException {
      if (closed.compareAndSet(false, true)) {
        super.close();
      }
    }

    @Override
    public void close(CloseMode mode) {
      if (closed.compareAndSet(false, true)) {
        super.close(mode);
      }
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
  }
}
