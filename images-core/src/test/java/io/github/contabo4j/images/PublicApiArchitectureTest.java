package io.github.contabo4j.images;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.contabo4j.images.archfixture.Leaky;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Core's public API stays free of HTTP and JSON types; everything else lives under {@code internal}. */
@AnalyzeClasses(packages = "io.github.contabo4j.images", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiArchitectureTest {
  static final String API = "io.github.contabo4j.images";
  /** The public API packages: the root, and the resilience and auth packages beside it. */
  static final String[] API_PACKAGES = {API, API + ".resilience", API + ".auth", API + ".upload"};
  static final String[] HTTP_AND_JSON = {"java.net.http..", "org.apache.hc..", "feign..", "com.fasterxml.jackson.."};
  private static final Predicate<String> FORBIDDEN = PackageMatchers.of(HTTP_AND_JSON)::test;
  private static final Predicate<String> INTERNAL = PackageMatchers.of(API + ".internal..")::test;

  @ArchTest
  static final ArchRule publicApiExposesNoHttpOrJsonTypes = exposesNo(API_PACKAGES, "HTTP or JSON", FORBIDDEN);

  @ArchTest
  static final ArchRule publicApiExposesNoInternalTypes = exposesNo(API_PACKAGES, "internal", INTERNAL);

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

  @Test
  void theRuleCatchesALeak() {
    JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);

    String report = exposesNo(new String[] {Leaky.class.getPackageName()}, "HTTP or JSON", FORBIDDEN).evaluate(leaky).getFailureReport().toString();

    assertThat(report).contains("java.net.http.HttpClient").contains("com.fasterxml.jackson.databind.JsonNode");
  }

  static ArchRule exposesNo(String[] pkgs, String what, Predicate<String> forbiddenPackage) {
    return classes().that().resideInAnyPackage(pkgs).and().arePublic()
        .should(new ArchCondition<>("expose no " + what + " types in their public API") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            Set<String> leaks = new LinkedHashSet<>();
            type.getAllRawSuperclasses().forEach(s -> leak(leaks, forbiddenPackage, "superclass", s));
            type.getAllRawInterfaces().forEach(i -> leak(leaks, forbiddenPackage, "interface", i));
            annotations(leaks, forbiddenPackage, "class", type.getAnnotations());
            for (JavaField field : type.getFields()) {
              if (visible(field)) {
                field.getType().getAllInvolvedRawTypes().forEach(t -> leak(leaks, forbiddenPackage, "field " + field.getName(), t));
                annotations(leaks, forbiddenPackage, "field " + field.getName(), field.getAnnotations());
              }
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
              if (!visible(unit) || unit.getName().equals("<clinit>")) {
                continue;
              }
              String where = unit.getName() + "()";
              unit.getReturnType().getAllInvolvedRawTypes().forEach(t -> leak(leaks, forbiddenPackage, where + " return", t));
              unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes()
                  .forEach(t -> leak(leaks, forbiddenPackage, where + " parameter", t)));
              unit.getThrowsClause().getTypes().forEach(t -> leak(leaks, forbiddenPackage, where + " throws", t));
              annotations(leaks, forbiddenPackage, where, unit.getAnnotations());
            }
            for (String leak : leaks) {
              events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes " + leak));
            }
          }
        });
  }

  private static boolean visible(JavaMember member) {
    return member.getModifiers().contains(JavaModifier.PUBLIC) || member.getModifiers().contains(JavaModifier.PROTECTED);
  }

  private static void annotations(
      Set<String> leaks, Predicate<String> forbidden, String where, Set<? extends JavaAnnotation<?>> annotations) {
    annotations.forEach(a -> leak(leaks, forbidden, where + " annotation", a.getRawType()));
  }

  private static void leak(Set<String> leaks, Predicate<String> forbidden, String where, JavaClass type) {
    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
    if (forbidden.test(base.getPackageName())) {
      leaks.add(base.getName() + " (" + where + ")");
    }
  }
}
