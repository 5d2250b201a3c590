package io.github.contabo4j.images;

import static io.github.contabo4j.images.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every validation rule of the request records, with its exact message: the field, then the rule. */
class ValidationRulesTest {
  private static final String URL = "https://example.com/image.qcow2";

  @Nested
  class CreateCustomImageRules {
    @Test
    void nameIsRequiredNonBlankShortAndWithoutControlCharacters() {
      assertRejected(() -> CreateCustomImage.of(null, URL, OsType.LINUX, "1"), "name", "name is required");
      assertRejected(() -> CreateCustomImage.of(" \t", URL, OsType.LINUX, "1"), "name", "name must not be blank");
      assertRejected(() -> CreateCustomImage.of("n".repeat(256), URL, OsType.LINUX, "1"), "name", "name must be at most 255 characters");
      assertRejected(() -> CreateCustomImage.of("a\nb", URL, OsType.LINUX, "1"), "name", "name must not contain control characters");
      assertRejected(() -> CreateCustomImage.of("a\u0085b", URL, OsType.LINUX, "1"), "name", "name must not contain control characters");
      assertThat(CreateCustomImage.of("n".repeat(255), URL, OsType.LINUX, "1").name()).hasSize(255);
      assertThat(CreateCustomImage.of("Ubuntu 22.04 ✓ für alle", URL, OsType.LINUX, "1").name()).isEqualTo("Ubuntu 22.04 ✓ für alle");
    }

    @Test
    void versionFollowsTheNameRules() {
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.LINUX, null), "version", "version is required");
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.LINUX, ""), "version", "version must not be blank");
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.LINUX, "1".repeat(256)), "version", "version must be at most 255 characters");
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.LINUX, "1\r"), "version", "version must not contain control characters");
    }

    @Test
    void descriptionIsOptionalShortAndMayHoldLineBreaksAndTabs() {
      CreateCustomImage base = CreateCustomImage.of("n", URL, OsType.LINUX, "1");

      assertThat(base.description()).isNull();
      assertThat(base.withDescription("line\r\nnext\tcol").description()).isEqualTo("line\r\nnext\tcol");
      assertThat(base.withDescription("").description()).isEmpty();
      assertThat(base.withDescription("d".repeat(1024)).description()).hasSize(1024);
      assertRejected(() -> base.withDescription("d".repeat(1025)), "description", "description must be at most 1024 characters");
      assertRejected(() -> base.withDescription("a\u0000b"), "description",
          "description must not contain control characters other than tab and line breaks");
      assertRejected(() -> base.withDescription("a\u001bb"), "description",
          "description must not contain control characters other than tab and line breaks");
    }

    @Test
    void osTypeIsRequiredAndWindowsOrLinux() {
      assertRejected(() -> CreateCustomImage.of("n", URL, null, "1"), "osType", "osType is required");
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.of("BSD"), "1"), "osType", "osType must be Windows or Linux");
      assertRejected(() -> CreateCustomImage.of("n", URL, new OsType("linux"), "1"), "osType", "osType must be Windows or Linux");
      assertThat(CreateCustomImage.of("n", URL, OsType.of("linux"), "1").osType()).isSameAs(OsType.LINUX);
      assertThat(CreateCustomImage.of("n", URL, OsType.WINDOWS, "1").osType()).isSameAs(OsType.WINDOWS);
    }

    @Test
    void urlRequiredAndNotBlank() {
      assertRejected(() -> CreateCustomImage.of("n", null, OsType.LINUX, "1"), "url", "url is required");
      assertRejected(() -> CreateCustomImage.of("n", "   ", OsType.LINUX, "1"), "url", "url must not be blank");
      assertRejected(() -> CreateCustomImage.of("n", "https://e.com/" + "a".repeat(2031) + ".iso", OsType.LINUX, "1"),
          "url", "url must be at most 2048 characters");
      String longest = "https://e.com/" + "a".repeat(2030) + ".iso";
      assertThat(CreateCustomImage.of("n", longest, OsType.LINUX, "1").url()).hasSize(2048);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://e.com/a b.iso        | url must not contain spaces or control characters",
        "https://e.com/a\tb.iso       | url must not contain spaces or control characters",
        "https://e.com/a.iso\u007f    | url must not contain spaces or control characters",
        "https://e.com/a^b.iso        | url must be a valid absolute URL",
        "https://e.com/a%zz.iso       | url must be a valid absolute URL",
        "ftp://e.com/a.iso            | url must use http or https",
        "file:///tmp/a.iso            | url must use http or https",
        "/relative/a.iso              | url must use http or https",
        "javascript:alert(1)//a.iso   | url must use http or https",
        "https:///a.iso               | url must have a host",
        "https://user:pw@e.com/a.iso  | url must not carry user-info (credentials) before the host",
        "https://e.com/a.img          | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
        "https://e.com/a.img?f=x.iso  | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
        "https://e.com/a.img#x.qcow2  | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
        "https://e.com/               | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
        "https://e.com                | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
        "https://e.com/a.iso.gz       | url path must end in .iso or .qcow2 (any case; a query string is allowed)",
    })
    void urlRules(String url, String message) {
      InvalidRequestException e = assertRejected(() -> CreateCustomImage.of("n", url, OsType.LINUX, "1"), "url", message);

      assertThat(e.getMessage()).doesNotContain("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com/image.qcow2",
        "http://example.com/image.iso",
        "HTTPS://Example.COM/Image.QCOW2",
        "https://e.com/a.ISO",
        "https://bucket.s3.amazonaws.com/x/y.qcow2?X-Amz-Signature=abc&X-Amz-Expires=3600",
        "https://e.com:8443/dir/win%20server.iso",
        "http://10.0.0.1/a.iso",
        "http://[::1]/a.iso",
    })
    void acceptedUrls(String url) {
      assertThat(CreateCustomImage.of("n", url, OsType.LINUX, "1").url()).isEqualTo(url);
    }
  }

  @Nested
  class WellFormedText {
    private static final String RULE = " must be well-formed Unicode (no unpaired surrogates)";

    @Test
    void unpairedSurrogatesAreRejectedWherePairsAreFine() {
      CreateCustomImage base = CreateCustomImage.of("n", URL, OsType.LINUX, "1");

      assertRejected(() -> CreateCustomImage.of("a\ud800", URL, OsType.LINUX, "1"), "name", "name" + RULE);
      assertRejected(() -> CreateCustomImage.of("n", URL, OsType.LINUX, "\udc00v"), "version", "version" + RULE);
      assertRejected(() -> base.withDescription("\udfff\ud83d"), "description", "description" + RULE);
      assertRejected(() -> ImageUpdate.rename("x\ud83d"), "name", "name" + RULE);
      assertRejected(() -> CreateCustomImage.of("n", "https://e.com/\ud800.iso", OsType.LINUX, "1"), "url", "url" + RULE);
      assertRejected(() -> ImageListQuery.builder().search("\ude00").build(), "search", "search" + RULE);
      assertRejected(() -> AuditQuery.byRequestId("r\ud800"), "requestId", "requestId" + RULE);
      assertThat(CreateCustomImage.of("Ubuntu 😀", URL, OsType.LINUX, "1").name()).isEqualTo("Ubuntu 😀");
      assertThat(ImageListQuery.builder().name("😀😀").build().name()).isEqualTo("😀😀");
    }
  }

  @Nested
  class ImageUpdateRules {
    @Test
    void anUpdateChangesSomething() {
      assertRejected(() -> ImageUpdate.builder().build(), "name",
          "name or description must be set: an update changes something");
    }

    @Test
    void nameAndDescriptionFollowTheCreateRules() {
      assertRejected(() -> ImageUpdate.rename(""), "name", "name must not be blank");
      assertRejected(() -> ImageUpdate.rename("x".repeat(256)), "name", "name must be at most 255 characters");
      assertRejected(() -> ImageUpdate.rename("a\tb"), "name", "name must not contain control characters");
      assertRejected(() -> ImageUpdate.describe("x".repeat(1025)), "description", "description must be at most 1024 characters");
      assertRejected(() -> ImageUpdate.builder().name("ok").description("\u0007").build(), "description",
          "description must not contain control characters other than tab and line breaks");
      assertThat(ImageUpdate.describe("").description()).isEmpty();
      assertThat(ImageUpdate.builder().name("n").description("d").build())
          .isEqualTo(ImageUpdate.builder().name("n").description("d").build());
    }
  }

  @Nested
  class ImageListQueryRules {
    @Test
    void pagingIsAtLeastOne() {
      assertRejected(() -> ImageListQuery.builder().page(0).build(), "page", "page must be at least 1");
      assertRejected(() -> ImageListQuery.builder().page(-5).build(), "page", "page must be at least 1");
      assertRejected(() -> ImageListQuery.builder().size(0).build(), "size", "size must be at least 1");
      assertRejected(() -> ImageListQuery.all().withPage(0), "page", "page must be at least 1");
      assertThat(ImageListQuery.builder().page(1).size(1).build().page()).isEqualTo(1);
    }

    @Test
    void nameAndSearchAreShortWithoutControlCharacters() {
      assertRejected(() -> ImageListQuery.builder().name("a\r\nb").build(), "name", "name must not contain control characters");
      assertRejected(() -> ImageListQuery.builder().search("s".repeat(256)).build(), "search", "search must be at most 255 characters");
      assertRejected(() -> ImageListQuery.builder().search("\u0000").build(), "search", "search must not contain control characters");
      assertThat(ImageListQuery.builder().search("windows or Debian & #1").build().search()).isEqualTo("windows or Debian & #1");
    }

    @Test
    void builderAndCopiesKeepEveryPart() {
      ImageListQuery query = ImageListQuery.builder()
          .page(2).size(5).name("n").standardImage(true).search("s").orderBy(SortOrder.asc("name")).build();

      assertThat(query.toBuilder().build()).isEqualTo(query);
      assertThat(query.withPage(3)).isEqualTo(ImageListQuery.builder().page(3).size(5).name("n").standardImage(true)
          .search("s").orderBy(SortOrder.asc("name")).build());
      assertThat(ImageListQuery.builder().build().orderBy()).isEmpty();
      assertThat(ImageListQuery.all().orderBy()).isEmpty();
    }
  }

  @Nested
  class AuditQueryRules {
    @Test
    void pagingImageIdTextsAndDates() {
      assertRejected(() -> AuditQuery.builder().page(0).build(), "page", "page must be at least 1");
      assertRejected(() -> AuditQuery.builder().size(-1).build(), "size", "size must be at least 1");
      assertRejected(() -> AuditQuery.byImageId("a/b"), "imageId",
          "imageId must be a single path segment of A-Z a-z 0-9 - . _ ~ (no '/', '%', spaces or other characters)");
      assertRejected(() -> AuditQuery.byImageId("stats"), "imageId", "imageId must not name the sibling route 'stats' or 'audits'");
      assertRejected(() -> AuditQuery.byRequestId("x\ny"), "requestId", "requestId must not contain control characters");
      assertRejected(() -> AuditQuery.builder().changedBy("u".repeat(256)).build(), "changedBy", "changedBy must be at most 255 characters");
      assertRejected(() -> AuditQuery.builder().startDate(LocalDate.of(2024, 2, 2)).endDate(LocalDate.of(2024, 2, 1)).build(),
          "endDate", "endDate must not be before startDate");
      assertRejected(() -> AuditQuery.all().withPage(0), "page", "page must be at least 1");
    }

    @Test
    void validQueriesKeepTheirParts() {
      LocalDate day = LocalDate.of(2024, 2, 2);
      AuditQuery query = AuditQuery.builder().startDate(day).endDate(day).requestId("D5FD9FAF-58C0-4406-8F46-F449B8E4FEC3")
          .changedBy("u-1").imageId("img").page(1).size(50).orderBy(SortOrder.desc("timestamp")).build();

      assertThat(query.toBuilder().build()).isEqualTo(query);
      assertThat(query.withPage(2).page()).isEqualTo(2);
      assertThat(AuditQuery.byRequestId("r").requestId()).isEqualTo("r");
      assertThat(AuditQuery.all().orderBy()).isEmpty();
    }
  }

  @Nested
  class SortOrderRules {
    @ParameterizedTest
    @ValueSource(strings = {"", "name:asc", "a b", "näme", "a&b", "a#b"})
    void fieldIsOneToSixtyFourSafeCharacters(String field) {
      assertRejected(() -> SortOrder.asc(field), "orderBy", "orderBy field must be 1-64 characters of A-Z a-z 0-9 _ .");
    }

    @Test
    void limits() {
      assertRejected(() -> SortOrder.asc("f".repeat(65)), "orderBy", "orderBy field must be 1-64 characters of A-Z a-z 0-9 _ .");
      assertRejected(() -> SortOrder.asc(null), "orderBy", "orderBy field must be 1-64 characters of A-Z a-z 0-9 _ .");
      assertRejected(() -> new SortOrder("name", null), "orderBy", "orderBy direction must not be null");
      assertThat(SortOrder.asc("f".repeat(64)).field()).hasSize(64);
    }

    @Test
    void parseAcceptsEitherCaseAndWritesLowerCase() {
      assertThat(SortOrder.parse("name:ASC")).isEqualTo(SortOrder.asc("name"));
      assertThat(SortOrder.parse("creation_date:Desc")).isEqualTo(SortOrder.desc("creation_date"));
      assertThat(SortOrder.parse("name")).isEqualTo(SortOrder.asc("name"));
      assertThat(SortOrder.desc("a.b").wireValue()).isEqualTo("a.b:desc");
      assertThat(SortOrder.asc("name")).hasToString("name:asc");
      assertRejected(() -> SortOrder.parse("name:up"), "orderBy", "orderBy direction must be asc or desc (either case)");
      assertRejected(() -> SortOrder.parse(null), "orderBy", "orderBy must not be null");
      assertRejected(() -> SortOrder.parse(":asc"), "orderBy", "orderBy field must be 1-64 characters of A-Z a-z 0-9 _ .");
    }
  }

  @Nested
  class OpenEnumRules {
    @Test
    void nullValuesNameTheirField() {
      assertRejected(() -> new OsType(null), "osType", "osType must not be null");
      assertRejected(() -> new TenantId(null), "tenantId", "tenantId must not be null");
      assertRejected(() -> new ImageStatus(null), "status", "status must not be null");
      assertRejected(() -> new ImageFormat(null), "format", "format must not be null");
      assertRejected(() -> new AuditAction(null), "action", "action must not be null");
    }

    @Test
    void ofReturnsConstantsIgnoringCaseAndKeepsUnknownValues() {
      assertThat(OsType.of("WINDOWS")).isSameAs(OsType.WINDOWS);
      assertThat(TenantId.of("de")).isSameAs(TenantId.DE);
      assertThat(ImageStatus.of("Downloading")).isSameAs(ImageStatus.DOWNLOADING);
      assertThat(ImageFormat.of("ISO")).isSameAs(ImageFormat.ISO);
      assertThat(AuditAction.of("updated")).isSameAs(AuditAction.UPDATED);
      assertThat(TenantId.of("XYZ").value()).isEqualTo("XYZ");
      assertThat(TenantId.of("XYZ").isKnown()).isFalse();
      assertThat(new ImageStatus("ERROR").is(ImageStatus.ERROR)).isTrue();
      assertThat(new ImageStatus("ERROR").isKnown()).isTrue();
      assertThat(ImageStatus.of("Pending")).hasToString("Pending");
    }
  }

  @Nested
  class ResultRecords {
    @Test
    void requiredPartsAreNullChecked() {
      assertThatThrownBy(() -> new Page<Image>(java.util.List.of(), null, null)).isInstanceOf(NullPointerException.class)
          .hasMessage("pagination == null");
      assertThatThrownBy(() -> CreatedImage.builder().imageId(null).build()).hasMessage("imageId == null");
      assertThatThrownBy(() -> ImageRef.builder().build()).hasMessage("imageId == null");
      assertThatCode(() -> new Page<Image>(null, new Pagination(1, 1, 0, 1), null)).doesNotThrowAnyException();
      assertThat(new Page<Image>(null, new Pagination(1, 1, 0, 1), null).links()).isEqualTo(PageLinks.none());
    }
  }
}
