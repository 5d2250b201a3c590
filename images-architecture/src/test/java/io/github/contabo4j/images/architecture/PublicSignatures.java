package io.github.contabo4j.images.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a public type shows its callers: its supertypes and their type arguments, its type parameters'
 * bounds, its annotations, and the types, type arguments, bounds, throws clauses and annotations of
 * its public and protected fields, methods and constructors.
 */
final class PublicSignatures {
  private PublicSignatures() {}

  /** A package segment named {@code internal}: not API, whatever the module. */
  static final Predicate<String> INTERNAL =
      pkg -> pkg.endsWith(".internal") || pkg.contains(".internal.");

  /** Public types outside {@code internal} packages name no type from one. */
  static ArchRule exposeNoInternalTypes() {
    return exposeNo("internal", INTERNAL);
  }

  /**
   * Public types outside {@code internal} packages name no type from a package {@code forbidden}
   * accepts, anywhere in their public signatures.
   */
  static ArchRule exposeNo(String what, Predicate<String> forbidden) {
    return classes()
        .that(reachable())
        .and(DescribedPredicate.describe("are outside internal packages", c -> !INTERNAL.test(c.getPackageName())))
        .should(new ArchCondition<>("name no " + what + " type in a public or protected signature") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            for (String leak : leaks(type, forbidden)) {
              events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes " + leak));
            }
          }
        })
        .allowEmptyShould(true);
  }

  /** Public, or protected, and nested only in types that are too: what code outside can name. */
  static DescribedPredicate<JavaClass> reachable() {
    return DescribedPredicate.describe("are public types", PublicSignatures::isReachable);
  }

  private static boolean isReachable(JavaClass type) {
    if (type.isAnonymousClass() || type.isLocalClass() || !visible(type)) {
      return false;
    }
    Optional<JavaClass> enclosing = type.getEnclosingClass();
    return enclosing.isEmpty() || isReachable(enclosing.get());
  }

  /** Each forbidden type the signature names, with where: {@code "Type (superclass)"}. */
  static Set<String> leaks(JavaClass type, Predicate<String> forbidden) {
    Set<String> leaks = new LinkedHashSet<>();
    type.getSuperclass().ifPresent(s -> add(leaks, forbidden, "superclass", s));
    type.getInterfaces().forEach(i -> add(leaks, forbidden, "interface", i));
    bounds(leaks, forbidden, "type parameter", type.getTypeParameters());
    annotations(leaks, forbidden, "class", type.getAnnotations());
    for (JavaField field : type.getFields()) {
      if (visible(field)) {
        add(leaks, forbidden, "field " + field.getName(), field.getType());
        annotations(leaks, forbidden, "field " + field.getName(), field.getAnnotations());
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      if (!visible(unit) || unit.getName().equals("<clinit>")) {
        continue;
      }
      String where = unit.isConstructor() ? "constructor" : "method " + unit.getName() + "()";
      add(leaks, forbidden, where + " return", unit.getReturnType());
      unit.getParameterTypes().forEach(p -> add(leaks, forbidden, where + " parameter", p));
      unit.getThrowsClause().getTypes().forEach(t -> add(leaks, forbidden, where + " throws", t));
      bounds(leaks, forbidden, where + " type parameter", unit.getTypeParameters());
      annotations(leaks, forbidden, where, unit.getAnnotations());
    }
    return leaks;
  }

  private static boolean visible(HasModifiers member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void bounds(
      Set<String> leaks, Predicate<String> forbidden, String where, Collection<? extends JavaTypeVariable<?>> variables) {
    for (JavaTypeVariable<?> variable : variables) {
      variable.getUpperBounds().forEach(b -> add(leaks, forbidden, where + " " + variable.getName() + " bound", b));
    }
  }

  private static void annotations(
      Set<String> leaks, Predicate<String> forbidden, String where, Set<? extends JavaAnnotation<?>> annotations) {
    for (JavaAnnotation<?> annotation : annotations) {
      add(leaks, forbidden, where + " annotation", annotation.getRawType());
    }
  }

  private static void add(Set<String> leaks, Predicate<String> forbidden, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
      if (forbidden.test(base.getPackageName())) {
        leaks.add(base.getName() + " (" + where + ")");
      }
    }
  }
}
