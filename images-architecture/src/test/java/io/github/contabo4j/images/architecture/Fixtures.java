package io.github.contabo4j.images.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Imports this module's fixture packages straight from the test classes folder, without scanning the class path. */
final class Fixtures {
  private Fixtures() {}

  /** The classes of {@code pkg} and its subpackages. */
  static JavaClasses importTree(String pkg) {
    try {
      Path root = Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return PublishedModules.importFrom(root.resolve(pkg.replace('.', '/')));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
