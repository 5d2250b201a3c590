package io.github.contabo4j.images;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

/** Core's public API stays free of HTTP and JSON types; everything else lives under {@code internal}. */
@AnalyzeClasses(packages = "io.github.contabo4j.images", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiArchitectureTest {
  static final String API = "io.github.contabo4j.images";
  /** The public API packages: the root, and the resilience, auth, client and upload packages beside it. */
  static final String[] API_PACKAGES = {API, API + ".resilience", API + ".auth", API + ".client", API + ".upload"};
  static final String[] HTTP_AND_JSON = {"java.net.http..", "org.apache.hc..", "feign..", "com.fasterxml.jackson.."};
  // No internal type in a public signature: checked over every published module by images-architecture.

  @ArchTest
  static final ArchRule publicPackageDoesNotUseHttpOrJsonAtAll = noClasses()
      .that().resideInAnyPackage(API_PACKAGES)
      .should().dependOnClassesThat().resideInAnyPackage(HTTP_AND_JSON)
      .because("the core knows no HTTP; wire code lives in ..internal.wire");

  @ArchTest
  static final ArchRule nonApiPackagesAreNamedInternal = classes()
      .that().resideInAPackage(API + "..").and().resideOutsideOfPackages(API_PACKAGES)
      .should().resideInAPackage(API + ".internal..")
      .because("public types sit in the API packages, everything else under .internal");

  @ArchTest
  static void everyPackageIsNullMarked(JavaClasses classes) {
    Set<String> packages = new LinkedHashSet<>();
    for (JavaClass c : classes) {
      packages.add(c.getPackageName());
    }
    assertThat(packages).contains(API, API + ".internal", API + ".internal.wire");
    for (String name : packages) {
      JavaPackage pkg = classes.getPackage(name);
      assertThat(pkg.isAnnotatedWith(NullMarked.class)).as("%s is @NullMarked", name).isTrue();
    }
  }
}
