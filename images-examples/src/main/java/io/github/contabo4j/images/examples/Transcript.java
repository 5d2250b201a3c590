package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.upload.DownloadProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The quickstart's output: one line per call, starting with the {@code x-request-id} that got the
 * answer, the id Contabo support asks for. {@link CallContext#lastRequestId()} is how a caller learns
 * it for a successful call.
 */
final class Transcript {
  private final PrintStream out;
  private final Polls polls = new Polls();

  Transcript(PrintStream out) {
    this.out = out;
  }

  /**
   * The listener that sees each poll of a download wait while {@link #whilePolling} runs: the polls
   * are ordinary {@code retrieveImage} calls, and the listener is how their request ids reach the
   * transcript. A successful poll's line is printed by {@link #progress}, a failed one's here.
   */
  ImagesListener polls() {
    return polls;
  }

  /**
   * Runs a wait whose polls each get a line.
   *
   * @param wait the wait, e.g. {@code () -> images.awaitDownloaded(id, timeout)}
   * @param <T> its result
   * @return its result
   */
  <T> T whilePolling(Supplier<T> wait) {
    polls.count = 0;
    polls.active = true;
    try {
      return wait.get();
    } finally {
      polls.active = false;
    }
  }

  /**
   * Prints one poll's line, as {@code ImageUploads.awaitDownloaded} reports its progress: the request
   * id and latency the listener saw for that poll, the status, the MB downloaded and the time so far.
   *
   * @param progress the poll's status, downloaded size and elapsed time
   */
  void progress(DownloadProgress progress) {
    line(polls.lastRequestId, "poll", "poll " + progress.poll() + " of the download: " + progress.status() + ", "
        + progress.uploadedSizeMb() + " of " + progress.sizeMb() + " MB after " + progress.elapsed().toSeconds()
        + " s (answered in " + polls.lastLatency.toMillis() + " ms)");
  }

  /**
   * The request id of the latest list page the client fetched (heard by the same listener), for the
   * lines of a walk through {@link ImagesPort#streamImages}, which fetches its pages by itself.
   */
  String lastListRequestId() {
    String id = polls.lastListRequestId;
    return id == null ? "-" : id;
  }

  private final class Polls implements ImagesListener {
    volatile boolean active;
    volatile String lastRequestId = "-";
    volatile Duration lastLatency = Duration.ZERO;
    volatile @Nullable String lastListRequestId;
    private int count;

    @Override
    public void onCompleted(
        ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {
      if (operation == ImagesOperation.RETRIEVE_IMAGE_LIST) {
        lastListRequestId = requestId;
      }
      if (active && operation == ImagesOperation.RETRIEVE_IMAGE) {
        count++;
        lastRequestId = requestId == null ? "-" : requestId;
        lastLatency = latency;
        if (failure != null) { // a successful poll's line comes from the progress callback
          line(lastRequestId, "poll", "poll " + count + " of the download failed after " + latency.toMillis()
              + " ms: " + failure.getClass().getSimpleName());
        }
      }
    }
  }

  /**
   * Makes one call with a fresh context and prints its line.
   *
   * @param step a short name for the line
   * @param call the call, given the context to pass to the port
   * @param describe what to print about the result
   * @param <T> the result type
   * @return the result
   */
  <T> T call(String step, Function<CallContext, T> call, Function<? super T, String> describe) {
    CallContext context = CallContext.create();
    T result = call.apply(context);
    line(context.lastRequestId().orElse("-"), step, describe.apply(result));
    return result;
  }

  /** Prints one line: request id, step, detail. */
  void line(String requestId, String step, String detail) {
    out.printf("%-36s  %-12s  %s%n", requestId, step, detail);
    out.flush();
  }
}
