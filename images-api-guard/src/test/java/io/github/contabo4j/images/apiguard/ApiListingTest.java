package io.github.contabo4j.images.apiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiListingTest {

  @Test
  void listsTheFixturesPublicApiInFullSignatures() throws Exception {
    Path testClasses = Path.of(ApiListingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String listing = ApiListing.of(testClasses, "io/github/contabo4j/images/apiguard/fixture/", List.of(testClasses));
    // Not listed: PackagePrivate, fixture.internal.Secret, Square's private constructor, package-private
    // field and method, private Square.Hidden, the anonymous Runnable, Level.HIGH's body, synthetic members,
    // Gadget.Builder's protected kind() (Builder is final). BaseBuilder's members show under Gadget.Builder.
    assertEquals("""
        public abstract class io.github.contabo4j.images.apiguard.fixture.Base<E extends java.lang.CharSequence> implements java.lang.Comparable<io.github.contabo4j.images.apiguard.fixture.Base<E>>
          protected Base()
          public int compareTo(io.github.contabo4j.images.apiguard.fixture.Base<E>)
          protected abstract E make()

        protected static class io.github.contabo4j.images.apiguard.fixture.Base.Helper
          protected Helper()

        public class io.github.contabo4j.images.apiguard.fixture.Base.Inner
          public Inner(io.github.contabo4j.images.apiguard.fixture.Base)

        public final record io.github.contabo4j.images.apiguard.fixture.Circle(double radius, java.util.List<java.lang.String> tags) implements io.github.contabo4j.images.apiguard.fixture.Shape
          public Circle(double)
          public Circle(double, java.util.List<java.lang.String>)
          public double area()
          public final boolean equals(java.lang.Object)
          public final int hashCode()
          public double radius()
          public java.util.List<java.lang.String> tags()
          public final java.lang.String toString()

        public final class io.github.contabo4j.images.apiguard.fixture.Gadget

        public static final class io.github.contabo4j.images.apiguard.fixture.Gadget.Builder extends io.github.contabo4j.images.apiguard.fixture.internal.BaseBuilder<io.github.contabo4j.images.apiguard.fixture.Gadget.Builder>
          public Builder()
          public io.github.contabo4j.images.apiguard.fixture.Gadget build()
          public static final int LIMIT = 3  // via io.github.contabo4j.images.apiguard.fixture.internal.BaseBuilder
          public io.github.contabo4j.images.apiguard.fixture.Gadget.Builder name(java.lang.String)  // via io.github.contabo4j.images.apiguard.fixture.internal.BaseBuilder

        public enum io.github.contabo4j.images.apiguard.fixture.Level
          public static final io.github.contabo4j.images.apiguard.fixture.Level HIGH
          public static final io.github.contabo4j.images.apiguard.fixture.Level LOW
          public static io.github.contabo4j.images.apiguard.fixture.Level valueOf(java.lang.String)
          public static io.github.contabo4j.images.apiguard.fixture.Level[] values()

        public sealed interface io.github.contabo4j.images.apiguard.fixture.Shape permits io.github.contabo4j.images.apiguard.fixture.Circle, io.github.contabo4j.images.apiguard.fixture.Square
          public abstract double area()
          public default java.lang.String label()
          public static io.github.contabo4j.images.apiguard.fixture.Shape unit()

        public final class io.github.contabo4j.images.apiguard.fixture.Square implements io.github.contabo4j.images.apiguard.fixture.Shape
          public static final java.lang.String KIND = "square"
          public final double side
          public Square(double)
          public double area()
          @Deprecated public final <T extends java.lang.Number & java.lang.Comparable<T>> java.util.List<? super T> convert(java.util.Map<java.lang.String, ? extends T>, T...) throws java.io.IOException

        public static final class io.github.contabo4j.images.apiguard.fixture.Square.Nested
          public Nested()

        """, listing);
  }
}
