package io.github.contabo4j.images.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.spring.boot.test.AutoConfigureContaboImagesFake;
import io.github.contabo4j.images.spring.boot.test.ContaboImagesFake;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application against the testkit's fake: no Contabo account, once per transport. */
class GoldenImagesTest {

  abstract static class ListCreateDelete {
    @Autowired GoldenImages golden;
    @Autowired ContaboImagesFake fake;
    @Autowired ImagesPort images;

    @Test
    void listsCreatesAndDeletesThroughTheFake() {
      fake.images().seedCustomImage("ubuntu-golden");
      assertThat(golden.customImageNames()).containsExactly("ubuntu-golden");

      String id = golden.upload("debian-golden", "https://example.com/debian-13.qcow2", "13");
      assertThat(golden.customImageNames()).containsExactlyInAnyOrder("ubuntu-golden", "debian-golden");
      assertThat(fake.images().image(id)).isPresent();

      golden.retire(id);
      assertThat(golden.customImageNames()).containsExactly("ubuntu-golden");
      assertThat(fake.server().requestCount()).isEqualTo(5);
    }
  }

  @Nested
  @SpringBootTest(properties = "contabo.images.transport=jdk")
  @AutoConfigureContaboImagesFake
  class OnTheJdkTransport extends ListCreateDelete {
    @Test
    void theClientIsTheJdkOne() {
      assertThat(images).isInstanceOf(JdkImagesClient.class);
    }
  }

  @Nested
  @SpringBootTest(properties = "contabo.images.transport=feign")
  @AutoConfigureContaboImagesFake
  class OnTheFeignTransport extends ListCreateDelete {
    @Test
    void theClientIsTheFeignOne() {
      assertThat(images).isInstanceOf(FeignImagesClient.class);
    }
  }
}
