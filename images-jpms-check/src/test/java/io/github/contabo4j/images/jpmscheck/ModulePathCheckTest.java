package io.github.contabo4j.images.jpmscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.jpmscheck.ModulePathCheck.RoundTrip;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs this module on the module path (it has a module-info.java) and patches this test
 * into it: the library and Jackson are named modules here, as in a modular application.
 */
class ModulePathCheckTest {
  private static final String CORE = "io.github.contabo4j.images.core";
  private static final String API = "io.github.contabo4j.images";

  @Test
  void theLibraryAndJacksonRunAsExplicitNamedModules() {
    assertThat(ModulePathCheck.class.getModule().getName()).isEqualTo("io.github.contabo4j.images.jpmscheck");
    assertThat(List.of(ImagesClient.class, JdkImagesClient.class, FeignImagesClient.class))
        .extracting(type -> type.getModule().getName(), type -> type.getModule().getDescriptor().isAutomatic())
        .containsExactly(
            tuple(CORE, false),
            tuple("io.github.contabo4j.images.transport.jdk", false),
            tuple("io.github.contabo4j.images.transport.feign", false));
    assertThat(ModuleLayer.boot().findModule(ModulePathCheck.JACKSON)).isPresent();
  }

  @Test
  void coreExportsItsApiAndSharesItsInternalsWithTheProjectsModulesOnly() {
    Module core = ImagesClient.class.getModule();
    Module jdk = JdkImagesClient.class.getModule();
    Module jackson = ModuleLayer.boot().findModule(ModulePathCheck.JACKSON).orElseThrow();

    assertThat(core.isExported(API)).isTrue();
    assertThat(core.isExported(API + ".auth")).isTrue();
    assertThat(core.isExported(API + ".resilience")).isTrue();
    assertThat(core.isExported(API + ".internal")).isFalse();
    assertThat(core.isExported(API + ".internal.transport")).isFalse();
    assertThat(core.isExported(API + ".internal.wire")).isFalse();
    assertThat(core.isExported(API + ".internal.wire", jdk)).isTrue();
    assertThat(core.isExported(API + ".internal.auth", jdk)).isFalse();
    assertThat(core.isOpen(API, jackson)).isTrue();
    assertThat(core.isOpen(API + ".internal.wire", jackson)).isTrue();
    assertThat(core.isOpen(API)).isFalse();
    assertThat(jdk.isExported(API + ".transport.jdk.internal")).isFalse();
    assertThat(FeignImagesClient.class.getModule().isExported(API + ".transport.feign.internal")).isFalse();
  }

  @Test
  void everyPackageOutsideInternalIsExportedToEveryoneAndNoInternalOneIs() {
    for (Module module : List.of(ImagesClient.class.getModule(), JdkImagesClient.class.getModule(), FeignImagesClient.class.getModule())) {
      for (String pkg : module.getPackages()) {
        boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
        // a new package fails here until its module-info.java lists it (see the README, "Java modules")
        assertThat(module.isExported(pkg)).as("%s exports %s to everyone", module.getName(), pkg).isEqualTo(!internal);
      }
    }
  }

  @Test
  void createListAndDeleteWorkThroughEachTransportOnTheModulePath() {
    List<RoundTrip> trips = ModulePathCheck.run();

    assertThat(trips).extracting(RoundTrip::transport).containsExactly("jdk", "feign");
    for (RoundTrip trip : trips) {
      String name = "jpms-" + trip.transport();
      // decoded by Jackson from the loopback server's JSON: the envelope, the record, the open enums, the dates
      assertThat(trip.created().imageId()).isEqualTo(trip.listed().imageId());
      assertThat(trip.created().tenantId()).isEqualTo(TenantId.DE);
      assertThat(trip.created().customerId()).isEqualTo("54321");
      assertThat(trip.listed().name()).isEqualTo(name);
      assertThat(trip.listed().url()).isEqualTo("https://example.com/" + name + ".qcow2"); // encoded by Jackson
      assertThat(trip.listed().osType()).isEqualTo(OsType.LINUX);
      assertThat(trip.listed().format()).isEqualTo(ImageFormat.QCOW2);
      assertThat(trip.listed().status()).isEqualTo(ImageStatus.DOWNLOADING);
      assertThat(trip.listed().creationDate()).isEqualTo(Instant.parse(LoopbackImagesServer.CREATED_AT));
      assertThat(trip.listed().tags()).containsExactly(new ImageTag(12345, "jpms"));
      assertThat(trip.leftAfterDelete()).isZero();
      assertThat(trip.calls()).containsExactly(
          "POST /v1/compute/images",
          "GET /v1/compute/images",
          "DELETE /v1/compute/images/" + trip.created().imageId(),
          "GET /v1/compute/images");
    }
  }
}
