package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The open enums are equal exactly when {@code is()} says they are, and {@code hashCode} agrees, for
 * any pair of values: the service's spelling, another case, or an unknown value.
 */
class OpenEnumEqualityPropertiesTest {

  /** One open-enum type: how to make a value, and its {@code is}. */
  private record Kind<T>(Function<String, T> create, BiPredicate<T, T> is, Function<String, T> of) {
    void check(String a, String b) {
      T x = create.apply(a);
      T y = create.apply(b);
      assertThat(x.equals(y)).as("equals vs is for %s / %s", a, b).isEqualTo(is.test(x, y));
      assertThat(y.equals(x)).isEqualTo(x.equals(y));
      if (x.equals(y)) {
        assertThat(x.hashCode()).isEqualTo(y.hashCode());
      }
      assertThat(x.toString()).isEqualTo(a);
      assertThat(of.apply(a)).isEqualTo(x);
    }
  }

  private static final List<Kind<?>> KINDS = List.of(
      new Kind<>(ImageStatus::new, ImageStatus::is, ImageStatus::of),
      new Kind<>(OsType::new, OsType::is, OsType::of),
      new Kind<>(ImageFormat::new, ImageFormat::is, ImageFormat::of),
      new Kind<>(AuditAction::new, AuditAction::is, AuditAction::of),
      new Kind<>(TenantId::new, TenantId::is, TenantId::of));

  @Property(tries = 300)
  void equalsAndHashCodeAgreeWithIs(@ForAll("spellings") String a, @ForAll("spellings") String b) {
    KINDS.forEach(kind -> kind.check(a, b));
  }

  @Property(tries = 200)
  void aValueInAnotherCaseIsEqualAndKeepsItsSpelling(@ForAll("spellings") String a) {
    String upper = a.toUpperCase(Locale.ROOT);
    KINDS.forEach(kind -> kind.check(a, upper));
    assertThat(new ImageStatus(upper).value()).isEqualTo(upper);
  }

  @Example
  void theServicesSpellingAndAnotherCaseAreOneSetElement() {
    Set<ImageStatus> statuses = new HashSet<>(List.of(ImageStatus.DOWNLOADED, new ImageStatus("DownLoaded"),
        ImageStatus.of("DOWNLOADED"), new ImageStatus("downloading")));

    assertThat(statuses).hasSize(2);
    assertThat(new OsType("LINUX")).isEqualTo(OsType.LINUX).hasSameHashCodeAs(OsType.LINUX);
    assertThat(new ImageFormat("ISO")).isEqualTo(ImageFormat.ISO);
    assertThat(new AuditAction("created")).isEqualTo(AuditAction.CREATED);
    assertThat(new TenantId("de")).isEqualTo(TenantId.DE).isNotEqualTo(TenantId.INT);
    assertThat(new ImageStatus("downloaded")).isNotEqualTo("downloaded");
  }

  @Provide
  Arbitrary<String> spellings() {
    Arbitrary<String> known = Arbitraries.of("downloading", "downloaded", "error", "Windows", "Linux", "iso",
        "qcow2", "CREATED", "UPDATED", "DELETED", "DE", "INT");
    Arbitrary<String> recased = known.flatMap(k -> Arbitraries.integers().between(0, (1 << Math.min(k.length(), 12)) - 1)
        .map(mask -> recase(k, mask)));
    Arbitrary<String> any = Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(8);
    return Arbitraries.oneOf(known, recased, any);
  }

  private static String recase(String s, int mask) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(i < 31 && (mask & (1 << i)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return b.toString();
  }
}
