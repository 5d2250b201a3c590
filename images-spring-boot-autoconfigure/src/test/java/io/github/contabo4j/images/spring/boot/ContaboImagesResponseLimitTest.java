package io.github.contabo4j.images.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.InvalidRequestException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contabo.images.max-response-bytes: the client's response-size limit, on both transports. */
class ContaboImagesResponseLimitTest {
  @TempDir Path home;

  @Test
  void theLimitIsTheClientsOnEitherTransport() {
    for (String transport : new String[] {"jdk", "feign"}) {
      Contexts.runner(home).withPropertyValues("contabo.images.fake=true", "contabo.images.transport=" + transport,
          "contabo.images.max-response-bytes=1024").run(context -> {
            // The fake's standard catalogue lists well over 1 KiB.
            ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
                () -> context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build()));
            assertThat(e).as(transport).isNotNull();
            assertThat(e.failure()).isEqualTo(ImagesTransportException.Failure.RESPONSE_TOO_LARGE);
          });
    }
  }

  @Test
  void unsetTheDefaultLimitReadsTheSameList() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true").run(context ->
        assertThat(context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build()).items())
            .isNotEmpty());
  }

  @Test
  void aLimitBelow1KiBFailsStartUpNamingTheSetting() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true", "contabo.images.max-response-bytes=100")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("maxResponseBytes"));
  }
}
