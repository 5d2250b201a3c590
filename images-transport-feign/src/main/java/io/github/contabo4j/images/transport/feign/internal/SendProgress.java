package io.github.contabo4j.images.transport.feign.internal;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Proves, per thread, whether the current attempt got as far as writing its request: the request
 * executor of the clients this transport builds marks the thread right before it writes the first
 * byte of the request (the connection is open by then). An attempt that failed without the mark
 * sent nothing, so its failure is {@code NOT_SENT}. A caller-supplied client has no such executor,
 * so its attempts are never proven unsent this way.
 */
public final class SendProgress {
  private static final ThreadLocal<Boolean> STARTED = new ThreadLocal<>();

  private SendProgress() {}

  /** Clears the mark; called as an attempt begins. */
  static void reset() {
    STARTED.remove();
  }

  /** Whether the thread's attempt began writing its request. */
  static boolean started() {
    return STARTED.get() != null;
  }

  /** The request executor that marks the thread before writing; for {@link Hc5Clients#create}. */
  static HttpRequestExecutor markingExecutor() {
    return new HttpRequestExecutor() {
      @Override
      public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
          HttpResponseInformationCallback informationCallback, HttpContext context) throws IOException, HttpException {
        STARTED.set(Boolean.TRUE);
        return super.execute(request, conn, informationCallback, context);
      }
    };
  }
}
