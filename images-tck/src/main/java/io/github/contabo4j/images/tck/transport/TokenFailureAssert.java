package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import org.junit.jupiter.api.function.Executable;

/** An API call that could not get a token: TOKEN_UNAVAILABLE, NOT_SENT, the token failure as cause. */
final class TokenFailureAssert {
  private TokenFailureAssert() {}

  /**
   * Runs the call and checks it failed for want of a token.
   *
   * @param cause the type of the token source's failure
   * @param call the API call
   * @return the token source's failure
   */
  static <T extends Throwable> T tokenFailure(Class<T> cause, Executable call) {
    ImagesTransportException e = assertThrows(ImagesTransportException.class, call);
    assertEquals(Failure.TOKEN_UNAVAILABLE, e.failure(), e.getMessage());
    assertEquals(Delivery.NOT_SENT, e.delivery(), e.getMessage());
    return assertInstanceOf(cause, e.getCause());
  }
}
