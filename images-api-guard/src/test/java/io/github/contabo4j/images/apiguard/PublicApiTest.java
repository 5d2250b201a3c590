package io.github.contabo4j.images.apiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public-API guard: for every published jar module, the listing built from its classes must
 * equal the checked-in {@code MODULE/api/MODULE.api}. An intended API change is made by
 * regenerating the listings with {@link #REGENERATE} and committing them, so the change shows in
 * review. The build's own listings are written to {@code images-api-guard/target/api/}.
 */
class PublicApiTest {

  static final String REGENERATE =
      "./mvnw -q -pl images-api-guard -am test -Dapi.update=true -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false";

  private static final Path ROOT = Paths.get(System.getProperty("api.root", "..")).toAbsolutePath().normalize();
  private static final Path OUT = Paths.get(System.getProperty("api.out", "target/api"));
  private static final boolean UPDATE = Boolean.getBoolean("api.update");

  @Test
  void everyPublishedModuleIsGuarded() throws Exception {
    TreeSet<String> missing = new TreeSet<>(publishedJarModules());
    missing.removeAll(classesOnClasspath().keySet());
    assertEquals(new TreeSet<String>(), missing,
        "published modules the API guard does not see: add each as a test dependency of images-api-guard/pom.xml");
  }

  @TestFactory
  Stream<DynamicTest> listingMatchesTheCheckedInOne() throws Exception {
    Map<String, Path> classes = classesOnClasspath();
    List<String> modules = new ArrayList<>(publishedJarModules());
    modules.retainAll(classes.keySet());
    return modules.stream().map(module -> DynamicTest.dynamicTest(module, () -> check(module, classes)));
  }

  private static void check(String module, Map<String, Path> classes) throws IOException {
    String listing = "# Public API of " + module + ", generated from its classes by images-api-guard. Do not edit:\n"
        + "# after an intended change regenerate with\n# " + REGENERATE + "\n\n"
        + ApiListing.of(classes.get(module), "", classes.values());
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve(module + ".api"), listing, StandardCharsets.UTF_8);
    Path checkedIn = ROOT.resolve(module).resolve("api").resolve(module + ".api");
    if (UPDATE) {
      Files.createDirectories(checkedIn.getParent());
      Files.writeString(checkedIn, listing, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(checkedIn)) {
      fail(ROOT.relativize(checkedIn) + " is missing: generate it with\n" + REGENERATE);
    }
    String expected = Files.readString(checkedIn, StandardCharsets.UTF_8);
    if (!expected.equals(listing)) {
      fail("The public API of " + module + " differs from " + ROOT.relativize(checkedIn)
          + " (- checked in, + this build):\n"
          + LineDiff.diff(expected.lines().toList(), listing.lines().toList(), 2)
          + "If the change is intended, regenerate the listings and commit them:\n" + REGENERATE);
    }
  }

  /** Reactor modules (from the root pom) that are published jar modules with code: not {@code publish.skip}, not pom-packaged, with main sources. */
  static List<String> publishedJarModules() throws Exception {
    List<String> published = new ArrayList<>();
    Element root = parse(ROOT.resolve("pom.xml"));
    for (String module : texts(root, "module")) {
      Element pom = parse(ROOT.resolve(module).resolve("pom.xml"));
      List<String> packaging = directChildTexts(pom, "packaging");
      List<String> skip = texts(pom, "publish.skip");
      boolean jar = packaging.isEmpty() || packaging.get(0).equals("jar");
      boolean skipped = !skip.isEmpty() && skip.get(0).equals("true");
      // A module without main sources (a starter: only dependencies) has no API to list.
      boolean code = Files.isDirectory(ROOT.resolve(module).resolve("src/main/java"));
      if (jar && !skipped && code) {
        published.add(module);
      }
    }
    return published;
  }

  /** Module directory name to its main classes (a jar or target/classes) on this test's classpath. */
  static Map<String, Path> classesOnClasspath() {
    Map<String, Path> found = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Paths.get(entry).toAbsolutePath().normalize();
      if (!path.startsWith(ROOT) || path.getNameCount() < ROOT.getNameCount() + 3) {
        continue;
      }
      Path relative = ROOT.relativize(path);
      String file = relative.getFileName().toString();
      boolean mainClasses = relative.getNameCount() == 3 && relative.getName(1).toString().equals("target")
          && (file.equals("classes") || (file.endsWith(".jar") && !file.endsWith("-tests.jar")));
      if (mainClasses && Files.exists(path) && !relative.getName(0).toString().equals("images-api-guard")) {
        // A module's own classes, never what a shaded jar (the emulator's) bundles beside them.
        Path own = ROOT.resolve(relative.getName(0)).resolve("target").resolve("classes");
        found.put(relative.getName(0).toString(), Files.isDirectory(own) ? own : path);
      }
    }
    return found;
  }

  private static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(pom.toFile());
    return document.getDocumentElement();
  }

  private static List<String> texts(Element element, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = element.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  private static List<String> directChildTexts(Element element, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child && child.getTagName().equals(tag)) {
        out.add(child.getTextContent().trim());
      }
    }
    return out;
  }
}
