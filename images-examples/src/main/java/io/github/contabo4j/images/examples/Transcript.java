package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.CallContext;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * The quickstart's output: one line per call, starting with the {@code x-request-id} that got the
 * answer, the id Contabo support asks for. {@link CallContext#lastRequestId()} is how a caller learns
 * it for a successful call.
 */
final class Transcript {
  private final PrintStream out;

  Transcript(PrintStream out) {
    this.out = out;
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
