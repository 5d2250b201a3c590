package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.upload.ImageUploads;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's {@code list} ends against a service that answers every page with the same page and
 * claims a million more, as a mock serving the vendor spec's own examples does.
 */
class QuickstartListGuardTest {
  private static final Image IMAGE = Image.builder()
      .imageId("img-1")
      .name("name")
      .sizeMb(1)
      .uploadedSizeMb(1)
      .errorMessage("")
      .build();

  private final AtomicInteger pagesServed = new AtomicInteger();

  /** Answers every list call with the same page claiming a million more; nothing else is called. */
  private final ImagesPort endless = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
      new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
        if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (method.getName().equals("retrieveImageList")) {
          pagesServed.incrementAndGet();
          return new Page<>(List.of(IMAGE), new Pagination(1, 1, 1_000_000, 1_000_000), PageLinks.none());
        }
        throw new UnsupportedOperationException(method.getName());
      });

  @Test
  void listStopsWhenTheServiceRepeatsItsPageWhateverItsTotalsClaim() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    QuickstartSteps steps = new QuickstartSteps(endless, ImageUploads.over(endless), new Transcript(print), print, Clock.systemUTC(),
        Duration.ofSeconds(1));

    steps.list();

    assertThat(pagesServed).hasValue(2); // the first page, then its repeat, which ends the walk
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 images in all");
  }
}
