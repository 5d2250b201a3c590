package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a rejection before any I/O: an {@link InvalidRequestException} naming field and rule. */
final class Rejections {
  private Rejections() {}

  static InvalidRequestException assertRejected(ThrowingCallable call, String field, String message) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call);
    assertThat(e).as("expected InvalidRequestException for %s", field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.getMessage()).isEqualTo(e.field() + " " + e.rule());
    return e;
  }
}
