package io.github.contabo4j.images.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.emulator.Emulator;
import io.github.contabo4j.images.spring.boot.ContaboImagesAutoConfiguration;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Every published module with classes, each imported on its own from its jar (or its classes folder
 * when the build stops before {@code package}). A new published module gets a constant here, with one
 * of its classes as the anchor, and a test dependency in this module's pom.
 */
enum PublishedModules {
  CORE("images-core", ImagesClient.class),
  TRANSPORT_JDK("images-transport-jdk", JdkImagesClient.class),
  TRANSPORT_FEIGN("images-transport-feign", FeignImagesClient.class),
  TESTKIT("images-testkit", FakeImages.class),
  TCK("images-tck", SecretLeakScanner.class),
  /** Its jar is shaded (it holds its dependencies too): only its own package is imported. */
  EMULATOR("images-emulator", Emulator.class),
  SPRING_BOOT_AUTOCONFIGURE("images-spring-boot-autoconfigure", ContaboImagesAutoConfiguration.class);

  private final String artifactId;
  private final Class<?> anchor;
  private JavaClasses classes;

  PublishedModules(String artifactId, Class<?> anchor) {
    this.artifactId = artifactId;
    this.anchor = anchor;
  }

  String artifactId() {
    return artifactId;
  }

  /** The module's own classes, nothing from its dependencies. */
  synchronized JavaClasses classes() {
    if (classes == null) {
      String own = "/" + anchor.getPackageName().replace('.', '/') + "/";
      // The emulator's shaded jar holds some 14 MB of its dependencies: import only its own package
      // (importing all of it took 40 to 60 s of the rule tests on a loaded machine).
      classes = this == EMULATOR
          ? importFrom(location(anchor), entry -> entry.contains(own))
          : importFrom(location(anchor));
    }
    return classes;
  }

  static JavaClasses importFrom(Path location) {
    return importFrom(location, any -> true);
  }

  private static JavaClasses importFrom(Path location, ImportOption option) {
    ClassFileImporter importer = new ClassFileImporter().withImportOption(option);
    if (Files.isDirectory(location)) {
      return importer.importPath(location);
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return importer.importJar(jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path location(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
