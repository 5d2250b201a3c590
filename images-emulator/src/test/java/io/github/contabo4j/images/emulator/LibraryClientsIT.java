package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The library's JDK and Feign clients, built as the README shows, run a full lifecycle against the real jar. */
// Each start waits for the start-up line, not a sleep; the bound is generous for a loaded machine.
@Timeout(120)
class LibraryClientsIT {
  @TempDir static Path dir;
  private static EmulatorProcess emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorProcess.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    assertThat(emulator.terminate()).isEqualTo(143);
  }

  /** The README's snippet, with the emulator's actual token URL. */
  private static ContaboCredentials credentials() {
    return ContaboCredentials.builder()
        .tokenUri(emulator.tokenUri().toString())
        .clientId("any-client").clientSecret("any-secret")
        .username("someone@example.com").password("any-password")
        .build();
  }

  @Test
  void theJdkClientRunsAFullLifecycle() throws Exception {
    try (ImagesClient images = JdkImagesClient.builder().baseUri(emulator.baseUri()).tokenSource(credentials()).build()) {
      lifecycle(images, "jdk");
    }
  }

  @Test
  void theFeignClientRunsAFullLifecycle() throws Exception {
    try (ImagesClient images = FeignImagesClient.builder().baseUri(emulator.baseUri()).tokenSource(credentials()).build()) {
      lifecycle(images, "feign");
    }
  }

  private static void lifecycle(ImagesClient images, String name) throws Exception {
    String id = images.createCustomImage(
        CreateCustomImage.of(name + "-web", "https://example.com/" + name + ".qcow2", OsType.LINUX, "22.04")).imageId();
    assertThat(images.retrieveImage(id).status()).isEqualTo(ImageStatus.DOWNLOADING);

    Raw.Answer advanced = new Raw(emulator.baseUri()).control("POST", "clock/advance", "{\"seconds\": 30}");
    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    assertThat(images.retrieveImage(id).status()).isEqualTo(ImageStatus.DOWNLOADED);

    images.updateImage(id, ImageUpdate.builder().name(name + "-renamed").description("described").build());
    Image renamed = images.retrieveImage(id);
    assertThat(renamed.name()).isEqualTo(name + "-renamed");
    assertThat(renamed.description()).isEqualTo("described");
    assertThat(images.retrieveImageList(ImageListQuery.builder().name(name + "-renamed").build()).items())
        .extracting(Image::imageId).containsExactly(id);
    assertThat(images.retrieveCustomImagesStats().currentImagesCount()).isPositive();

    images.deleteImage(id);
    assertThatThrownBy(() -> images.retrieveImage(id)).isInstanceOf(ImageNotFoundException.class);
    assertThat(images.retrieveImageAuditsList(AuditQuery.byImageId(id)).items())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATED, AuditAction.UPDATED, AuditAction.DELETED);
  }
}
