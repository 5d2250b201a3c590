package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a rejection before any I/O: an {@link InvalidRequestException} naming field and rule. */
public final class Rejections {
  private Rejections() {}

  /**
   * Runs the call and asserts it throws an {@link InvalidRequestException} for the field, with the message.
   *
   * @param call what should be rejected
   * @param field the field the rejection must name
   * @param message the exact message, the field followed by the rule
   * @return the exception
   */
  public static InvalidRequestException assertRejected(ThrowingCallable call, String field, String message) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call);
    assertThat(e).as("expected InvalidRequestException for %s", field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.getMessage()).isEqualTo(e.field() + " " + e.rule());
    return e;
  }
}
