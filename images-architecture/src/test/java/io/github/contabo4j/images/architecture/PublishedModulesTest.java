package io.github.contabo4j.images.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules cover every published module: a new one fails here until PublishedModules lists it. */
class PublishedModulesTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void everyPublishedModuleWithClassesIsChecked() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> published = published(root);

    assertThat(Arrays.stream(PublishedModules.values()).map(PublishedModules::artifactId))
        .as("add each published module to PublishedModules and as a test dependency of images-architecture,"
            + " or mark it unpublished (<publish.skip>true</publish.skip> or <maven.deploy.skip>true</maven.deploy.skip>)")
        .containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void pomOnlyAndDeploySkippingModulesAreNotPublished(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("pom.xml"),
        "<modules><module>lib</module><module>bom</module><module>demo</module><module>bench</module></modules>");
    write(root.resolve("lib"), "<project><artifactId>lib</artifactId></project>");
    write(root.resolve("bom"), "<project><packaging>pom</packaging></project>");
    write(root.resolve("demo"), "<project><properties><maven.deploy.skip>true</maven.deploy.skip></properties></project>");
    write(root.resolve("bench"), "<project><properties><publish.skip>true</publish.skip></properties></project>");

    assertThat(published(root)).containsExactly("lib");
  }

  private static void write(Path module, String pom) throws IOException {
    Files.createDirectories(module.resolve("src/main/java"));
    Files.writeString(module.resolve("pom.xml"), pom);
  }

  /** The root pom's modules, less pom-only ones and those whose pom skips publishing or deploy. */
  static List<String> published(Path root) throws IOException {
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    List<String> published = new ArrayList<>();
    while (modules.find()) {
      String pom = Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"));
      if (!pom.contains("<packaging>pom</packaging>") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")
          && !pom.contains("<publish.skip>true</publish.skip>")
          && Files.isDirectory(root.resolve(modules.group(1)).resolve("src/main/java"))) { // a starter has no classes
        published.add(modules.group(1));
      }
    }
    return published.stream().sorted().collect(Collectors.toList());
  }
}
