package io.github.contabo4j.images.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * Generated ids, names, URLs, query texts and header values: each is either accepted and encodes to
 * a request the vendor spec accepts, carrying the value exactly, or it is rejected before any I/O with
 * an {@link InvalidRequestException} naming the field.
 */
class SpecConformancePropertiesTest {
  private static final ImagesWire WIRE = Fixtures.wire();
  private static final String URL = "https://example.com/image.qcow2";
  private static final String IMAGES = "/v1/compute/images/";

  private static final List<BiFunction<String, CallContext, WireRequest>> BY_ID = List.of(
      WIRE::retrieveImage,
      (id, context) -> WIRE.updateImage(id, ImageUpdate.rename("new name"), context),
      WIRE::deleteImage);

  // ------------------------------------------------------------------ image ids

  @Property(tries = 400)
  void imageIdsStayOneSegmentOrAreRejected(@ForAll("imageIds") String imageId) {
    for (BiFunction<String, CallContext, WireRequest> operation : BY_ID) {
      CallContext context = CallContext.create();
      WireRequest request = acceptedOrRejected(() -> operation.apply(imageId, context), "imageId");
      if (request == null) {
        assertThat(context.requestIds()).as("nothing drawn, nothing sent").isEmpty();
        continue;
      }
      assertThat(request.path()).startsWith(IMAGES);
      String segment = request.path().substring(IMAGES.length());
      assertThat(segment).isEqualTo(imageId).doesNotContain("/", "%", "?", "#");
      assertThat(segment.toLowerCase(Locale.ROOT)).isNotIn("stats", "audits", ".", "..");
      assertThat(URI.create("https://h" + request.path()).normalize().getPath()).isEqualTo(request.path());
      assertSpecValid(request);
    }
  }

  @Property(tries = 200)
  void auditImageIdFilterFollowsTheSameRules(@ForAll("imageIds") String imageId) {
    WireRequest request = acceptedOrRejected(
        () -> WIRE.retrieveImageAuditsList(AuditQuery.byImageId(imageId), CallContext.create()), "imageId");
    if (request != null) {
      assertThat(VendorSpec.decodedQuery(request.query())).containsExactly(Map.entry("imageId", List.of(imageId)));
      assertSpecValid(request);
    }
  }

  // ------------------------------------------------------------------ bodies

  @Property(tries = 300)
  void namesAreSentExactlyOrRejected(@ForAll("texts") String name) {
    WireRequest create = acceptedOrRejected(
        () -> WIRE.createCustomImage(CreateCustomImage.of(name, URL, OsType.LINUX, "1"), CallContext.create()), "name");
    WireRequest rename = acceptedOrRejected(
        () -> WIRE.updateImage("img-1", ImageUpdate.rename(name), CallContext.create()), "name");
    WireRequest version = acceptedOrRejected(
        () -> WIRE.createCustomImage(CreateCustomImage.of("n", URL, OsType.WINDOWS, name), CallContext.create()), "version");

    assertThat(create == null).as("create and rename agree on %s", name).isEqualTo(rename == null);
    assertThat(create == null).as("name and version rules agree").isEqualTo(version == null);
    if (create != null) {
      assertWellFormed(name);
      assertThat(json(create).get("name").asText()).isEqualTo(name);
      assertThat(json(rename).get("name").asText()).isEqualTo(name);
      assertThat(json(version).get("version").asText()).isEqualTo(name);
      assertSpecValid(create);
      assertSpecValid(rename);
      assertSpecValid(version);
    }
  }

  @Property(tries = 300)
  void descriptionsAreSentExactlyOrRejected(@ForAll("texts") String description) {
    WireRequest create = acceptedOrRejected(() -> WIRE.createCustomImage(
        CreateCustomImage.of("n", URL, OsType.LINUX, "1").withDescription(description), CallContext.create()), "description");
    WireRequest update = acceptedOrRejected(
        () -> WIRE.updateImage("img-1", ImageUpdate.describe(description), CallContext.create()), "description");

    assertThat(create == null).isEqualTo(update == null);
    if (create != null) {
      assertWellFormed(description);
      assertThat(json(create).get("description").asText()).isEqualTo(description);
      assertThat(json(update)).hasSize(1);
      assertThat(json(update).get("description").asText()).isEqualTo(description);
      assertSpecValid(create);
      assertSpecValid(update);
    }
  }

  @Property(tries = 400)
  void urlsAreSentExactlyOrRejected(@ForAll("urls") String url) {
    WireRequest request = acceptedOrRejected(
        () -> WIRE.createCustomImage(CreateCustomImage.of("n", url, OsType.LINUX, "1"), CallContext.create()), "url");
    if (request == null) {
      return;
    }
    assertWellFormed(url);
    URI uri = URI.create(url);
    assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
    assertThat(uri.getHost()).isNotEmpty();
    assertThat(uri.getRawUserInfo()).isNull();
    assertThat(uri.getPath().toLowerCase(Locale.ROOT)).matches(".*\\.(iso|qcow2)");
    assertThat(json(request).get("url").asText()).isEqualTo(url);
    assertSpecValid(request);
  }

  // ------------------------------------------------------------------ query parameters

  @Property(tries = 300)
  void listFiltersRoundTripThroughTheQueryOrAreRejected(@ForAll("texts") String text) {
    WireRequest byName = acceptedOrRejected(
        () -> WIRE.retrieveImageList(ImageListQuery.builder().name(text).build(), CallContext.create()), "name");
    WireRequest bySearch = acceptedOrRejected(
        () -> WIRE.retrieveImageList(ImageListQuery.builder().search(text).standardImage(true).build(), CallContext.create()),
        "search");
    WireRequest byRequestId = acceptedOrRejected(
        () -> WIRE.retrieveImageAuditsList(AuditQuery.byRequestId(text), CallContext.create()), "requestId");
    WireRequest byChangedBy = acceptedOrRejected(
        () -> WIRE.retrieveImageAuditsList(AuditQuery.builder().changedBy(text).build(), CallContext.create()), "changedBy");

    if (byName != null) {
      assertWellFormed(text);
      assertThat(byName.query()).doesNotContain(" ", "#", "+").doesNotContainPattern("&(?!(name|search|standardImage)=)");
      assertThat(VendorSpec.decodedQuery(byName.query())).containsExactly(Map.entry("name", List.of(text)));
      assertSpecValid(byName);
    }
    if (bySearch != null) {
      assertThat(VendorSpec.decodedQuery(bySearch.query()))
          .containsExactly(Map.entry("standardImage", List.of("true")), Map.entry("search", List.of(text)));
      assertSpecValid(bySearch);
    }
    if (byRequestId != null) {
      assertThat(VendorSpec.decodedQuery(byRequestId.query())).containsExactly(Map.entry("requestId", List.of(text)));
      assertSpecValid(byRequestId);
    }
    if (byChangedBy != null) {
      assertThat(VendorSpec.decodedQuery(byChangedBy.query())).containsExactly(Map.entry("changedBy", List.of(text)));
      assertSpecValid(byChangedBy);
    }
  }

  @Property(tries = 200)
  void pagingAndOrderEncodeOrAreRejected(
      @ForAll("pageNumbers") int page, @ForAll("pageNumbers") int size, @ForAll("sortFields") String field) {
    WireRequest request = acceptedOrRejected(() -> WIRE.retrieveImageAuditsList(
        AuditQuery.builder().page(page).size(size).orderBy(SortOrder.desc(field), SortOrder.asc("id"))
            .startDate(LocalDate.of(2021, 6, 2)).endDate(LocalDate.of(2021, 6, 2)).build(),
        CallContext.create()), sortFieldRejected(field) ? "orderBy" : page < 1 ? "page" : "size");
    if (request == null) {
      return;
    }
    assertThat(sortFieldRejected(field)).isFalse();
    assertThat(page).isPositive();
    assertThat(size).isPositive();
    Map<String, List<String>> query = VendorSpec.decodedQuery(request.query());
    assertThat(query.get("page")).containsExactly(Integer.toString(page));
    assertThat(query.get("size")).containsExactly(Integer.toString(size));
    assertThat(query.get("orderBy")).containsExactly(field + ":desc", "id:asc");
    assertThat(query.get("startDate")).containsExactly("2021-06-02");
    assertSpecValid(request);
  }

  // ------------------------------------------------------------------ headers

  @Property(tries = 400)
  void traceIdsAreSentExactlyOrRejected(@ForAll("headerValues") String traceId) {
    WireRequest perCall = acceptedOrRejected(
        () -> WIRE.retrieveCustomImagesStats(CallContext.create().withTraceId(traceId)), "x-trace-id");
    WireRequest clientWide = acceptedOrRejected(
        () -> Fixtures.wire(traceId).retrieveImageList(ImageListQuery.all(), CallContext.create()), "x-trace-id");
    WireRequest userAgent = acceptedOrRejected(
        () -> new ImagesWire(TokenSource.fixed(Fixtures.TOKEN), traceId, null, Fixtures.CLOCK)
            .retrieveImage("img-1", CallContext.create()), "userAgent");

    assertThat(perCall == null).isEqualTo(clientWide == null).isEqualTo(userAgent == null);
    if (perCall != null) {
      assertHeaderSafe(traceId);
      assertThat(perCall.headers()).containsEntry("x-trace-id", traceId);
      assertThat(clientWide.headers()).containsEntry("x-trace-id", traceId);
      assertThat(userAgent.headers()).containsEntry("User-Agent", traceId);
      assertSpecValid(perCall);
      assertSpecValid(clientWide);
      assertSpecValid(userAgent);
    }
  }

  @Property(tries = 300)
  void tokensAreSentAsBearerOrRejectedWithoutBeingEchoed(@ForAll("headerValues") String token) {
    TokenSource source;
    try {
      source = TokenSource.fixed(token);
    } catch (InvalidRequestException e) {
      assertThat(e.field()).isEqualTo("accessToken");
      assertThat(e.getMessage()).isIn(
          "accessToken must not be blank",
          "accessToken must hold only visible ASCII characters (no CR, LF or spaces)");
      return;
    }
    WireRequest request = new ImagesWire(source, Fixtures.USER_AGENT, null, Fixtures.CLOCK)
        .retrieveCustomImagesStats(CallContext.create());

    // tokens (JWTs) may be longer than other header values, but hold only visible ASCII
    assertThat(token.chars()).allMatch(c -> c > ' ' && c < 0x7f);
    assertThat(request.headers()).containsEntry("Authorization", "Bearer " + token);
    assertThat(source.toString()).isEqualTo("TokenSource.fixed(<redacted>)");
    assertSpecValid(request);
  }

  // ------------------------------------------------------------------ the validator itself

  @Example
  void everyOperationEncodesToASpecValidRequest() {
    CallContext context = CallContext.create().withTraceId("trace");
    assertSpecValid(WIRE.createCustomImage(CreateCustomImage.of("n", URL, OsType.LINUX, "1").withDescription("d"), context));
    assertSpecValid(WIRE.retrieveImageList(ImageListQuery.builder().page(1).size(10).name("Ubuntu").standardImage(true)
        .search("windows or Debian").orderBy(SortOrder.asc("name"), SortOrder.desc("creationDate")).build(), context));
    assertSpecValid(WIRE.retrieveImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", context));
    assertSpecValid(WIRE.updateImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        ImageUpdate.builder().name("n").description("d").build(), context));
    assertSpecValid(WIRE.deleteImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", context));
    assertSpecValid(WIRE.retrieveCustomImagesStats(context));
    assertSpecValid(WIRE.retrieveImageAuditsList(AuditQuery.builder().page(2).size(5).imageId("img").requestId("r")
        .changedBy("u").startDate(LocalDate.of(2021, 6, 2)).endDate(LocalDate.of(2021, 6, 3))
        .orderBy(SortOrder.desc("timestamp")).build(), context));
  }

  @Example
  void theValidatorRejectsWhatTheSpecForbids() {
    Request noRequestId = new SimpleRequest.Builder(Request.Method.GET, "/v1/compute/images/stats")
        .withHeader("Authorization", "Bearer t").build();
    Request badRequestId = new SimpleRequest.Builder(Request.Method.GET, "/v1/compute/images/stats")
        .withHeader("Authorization", "Bearer t").withHeader("x-request-id", "not-a-uuid").build();
    Request badPage = new SimpleRequest.Builder(Request.Method.GET, "/v1/compute/images")
        .withHeader("Authorization", "Bearer t").withHeader("x-request-id", Fixtures.REQUEST_ID)
        .withQueryParam("page", "first").build();
    Request badOsType = new SimpleRequest.Builder(Request.Method.POST, "/v1/compute/images")
        .withHeader("Authorization", "Bearer t").withHeader("x-request-id", Fixtures.REQUEST_ID)
        .withContentType("application/json")
        .withBody("{\"name\":\"n\",\"url\":\"u\",\"osType\":\"BSD\",\"version\":\"1\"}").build();

    assertThat(VendorSpec.violations(noRequestId)).isNotEmpty();
    assertThat(VendorSpec.violations(badRequestId)).isNotEmpty();
    assertThat(VendorSpec.violations(badPage)).isNotEmpty();
    assertThat(VendorSpec.violations(badOsType)).isNotEmpty();
  }

  // ------------------------------------------------------------------ generators

  private static final List<String> FRAGMENTS = List.of(
      "a", "Z", "9", "-", "_", ".", "..", "~", "/", "%2e", "%2E", "%2F", "%", "stats", "STATS", "audits", "Audits",
      " ", "\t", "\r", "\n", "\r\n", "\u0000", "\u0085", "\u007f", "&", "#", "=", "+", "?", ";", ":", "@", "\"", "\\",
      "<script>", "ü", "é", "€", "✓", "😀", "\u2028", "\ud800", "\udfff", "\ufeff");

  @Provide
  Arbitrary<String> imageIds() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars("-._~").ofMinLength(1).ofMaxLength(40),
        Arbitraries.of("stats", "STATS", "Stats", "audits", "AUDITS", ".", "..", "...", "%2e", "%2e%2e", "..%2fstats",
            "../stats", "a/b", "/", "", " ", "statsx", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"),
        fragments(),
        Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(20),
        Arbitraries.strings().alpha().ofMinLength(120).ofMaxLength(4000));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(" -_.&#+=%/").ofMinLength(1).ofMaxLength(40),
        fragments(),
        Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(30),
        Arbitraries.strings().withCharRange(' ', '\u00ff').ofMinLength(240).ofMaxLength(1100),
        Arbitraries.strings().alpha().ofMinLength(1000).ofMaxLength(5000));
  }

  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
        fragments(),
        Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(20),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1000).ofMaxLength(1100),
        Arbitraries.strings().alpha().ofMinLength(1025).ofMaxLength(5000));
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> schemes = Arbitraries.of("https://", "http://", "HTTPS://", "ftp://", "file://", "", "//", "javascript:");
    Arbitrary<String> hosts = Arbitraries.of("example.com", "10.0.0.1", "[::1]", "e.com:8443", "", "user:pw@e.com",
        "exämple.com", "e com", "e.com\r\nX:");
    Arbitrary<String> paths = Arbitraries.of("/", "a", "/..", "/%2e", "/%2F", "/ ", "/ü", "/b-c", "/%20", "/stats", "/x\n",
            "/%zz", "/😀", "/\ud800")
        .list().ofMaxSize(4).map(parts -> String.join("", parts));
    Arbitrary<String> suffixes = Arbitraries.of(".iso", ".qcow2", ".ISO", ".QCow2", ".img", "", ".iso.gz", ".iso/", ".qcow2.");
    Arbitrary<String> queries = Arbitraries.of("", "?sig=a%2Bb&x=1", "?x=.iso", "#frag", "?a b", "?\r\n", "?x=%", "#x.qcow2");
    return Arbitraries.oneOf(
        Combinators.combine(schemes, hosts, paths, suffixes, queries).as((s, h, p, x, q) -> s + h + p + x + q),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(60),
        Arbitraries.strings().alpha().ofMinLength(2020).ofMaxLength(2100).map(s -> "https://e.com/" + s + ".iso"));
  }

  @Provide
  Arbitrary<Integer> pageNumbers() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-3, 3), Arbitraries.integers());
  }

  @Provide
  Arbitrary<String> sortFields() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars("_.").ofMinLength(1).ofMaxLength(64),
        fragments(),
        Arbitraries.strings().alpha().ofMinLength(60).ofMaxLength(70));
  }

  private static Arbitrary<String> fragments() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  // ------------------------------------------------------------------ helpers

  /** The sort term is built first, so a bad field is what the rejection names. */
  private static boolean sortFieldRejected(String field) {
    try {
      SortOrder.asc(field);
      return false;
    } catch (InvalidRequestException e) {
      assertThat(e.field()).isEqualTo("orderBy");
      return true;
    }
  }

  /** Runs the encoding; returns the request, or null after checking the rejection names the field. */
  private static @Nullable WireRequest acceptedOrRejected(Supplier<WireRequest> encode, String field) {
    try {
      return encode.get();
    } catch (InvalidRequestException e) {
      assertThat(e.field()).as("rejection of %s", field).isEqualTo(field);
      assertThat(e.getMessage()).startsWith(field + " ").isEqualTo(field + " " + e.rule());
      return null;
    }
  }

  private static void assertSpecValid(WireRequest request) {
    assertThat(VendorSpec.violations(request)).as("spec violations of %s", request).isEmpty();
    assertThat(request.headers().get("x-request-id")).matches(io.github.contabo4j.images.internal.Checks.REQUEST_ID);
    assertThat(request.headers().containsKey("Content-Type")).isEqualTo(request.body() != null);
  }

  /** What goes out as UTF-8 is exactly the caller's text: no unpaired surrogates silently replaced. */
  private static void assertWellFormed(String text) {
    assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  private static void assertHeaderSafe(String value) {
    assertThat(value).doesNotContain("\r", "\n", "\u0000").hasSizeLessThanOrEqualTo(1024);
    assertThat(value.chars()).allMatch(c -> c <= 0xff);
  }

  private static JsonNode json(WireRequest request) {
    try {
      return WireJson.MAPPER.readTree(request.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
