package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The seven operations described once: factories, dispatch, the handler base and the interceptor chain. */
class ImagesCallTest {
  private static final CreateCustomImage CREATE =
      CreateCustomImage.of("n", "https://example.com/a.qcow2", OsType.LINUX, "1");
  private static final ImageUpdate RENAME = ImageUpdate.rename("n2");
  private static final ImageListQuery LIST = ImageListQuery.builder().build();
  private static final AuditQuery AUDITS = AuditQuery.builder().build();

  /** Records which method of the port each call reached, and with what. */
  static class RecordingPort implements ImagesPort {
    final List<String> calls = new ArrayList<>();
    final List<CallContext> contexts = new ArrayList<>();

    private <T> @Nullable T record(String what, CallContext context) {
      calls.add(what);
      contexts.add(context);
      return null;
    }

    @Override
    public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
      return record("create " + request.name(), context);
    }

    @Override
    public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
      return record("list", context);
    }

    @Override
    public Image retrieveImage(String imageId, CallContext context) {
      return record("get " + imageId, context);
    }

    @Override
    public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
      return record("update " + imageId + " " + update.name(), context);
    }

    @Override
    public void deleteImage(String imageId, CallContext context) {
      record("delete " + imageId, context);
    }

    @Override
    public ImageStats retrieveCustomImagesStats(CallContext context) {
      return record("stats", context);
    }

    @Override
    public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
      return record("audits", context);
    }
  }

  private static List<ImagesCall<?>> everyOperation(CallContext context) {
    return List.of(
        ImagesCall.createCustomImage(CREATE, context),
        ImagesCall.retrieveImageList(LIST, context),
        ImagesCall.retrieveImage("img-1", context),
        ImagesCall.updateImage("img-1", RENAME, context),
        ImagesCall.deleteImage("img-1", context),
        ImagesCall.retrieveCustomImagesStats(context),
        ImagesCall.retrieveImageAuditsList(AUDITS, context));
  }

  @Test
  void aFactoryPerOperationAndEachCallReachesItsOwnMethodOfAPort() {
    CallContext context = CallContext.create();
    RecordingPort port = new RecordingPort();

    List<ImagesOperation> operations = new ArrayList<>();
    for (ImagesCall<?> call : everyOperation(context)) {
      operations.add(call.operation());
      call.sendTo(port);
    }

    assertThat(operations).containsExactly(ImagesOperation.values());
    assertThat(port.calls).containsExactly(
        "create n", "list", "get img-1", "update img-1 n2", "delete img-1", "stats", "audits");
    assertThat(port.contexts).allSatisfy(c -> assertThat(c).isSameAs(context));
  }

  @Test
  void aHandlerSeesEveryOperationAtItsOneMethodAndPassesItOn() {
    RecordingPort port = new RecordingPort();
    List<String> seen = new ArrayList<>();
    ImagesPort handler = new ImagesCallHandler() {
      @Override
      protected <R> R handle(ImagesCall<R> call) {
        seen.add(call.toString());
        return call.sendTo(port);
      }
    };
    CallContext context = CallContext.create();

    handler.createCustomImage(CREATE, context);
    handler.retrieveImageList(LIST, context);
    handler.retrieveImage("img-1", context);
    handler.updateImage("img-1", RENAME, context);
    handler.deleteImage("img-1", context);
    handler.retrieveCustomImagesStats(context);
    handler.retrieveImageAuditsList(AUDITS, context);

    assertThat(seen).containsExactly("createCustomImage", "retrieveImageList", "retrieveImage(img-1)",
        "updateImage(img-1)", "deleteImage(img-1)", "retrieveCustomImagesStats", "retrieveImageAuditsList");
    assertThat(port.calls).hasSize(7);
  }

  @Test
  void aCallShowsItsOperationAndImageButNeverItsInput() {
    ImagesCall<CreatedImage> create = ImagesCall.createCustomImage(
        CreateCustomImage.of("n", "https://example.com/a.qcow2?X-Amz-Signature=s3cret", OsType.LINUX, "1"), CallContext.create());

    assertThat(create.toString()).isEqualTo("createCustomImage").doesNotContain("s3cret");
    assertThat(create.imageId()).isEmpty();
    assertThat(ImagesCall.retrieveImage("img-9", CallContext.create()).imageId()).contains("img-9");
  }

  @Test
  void badInputIsRejectedWhenTheCallIsMadeNamingTheField() {
    CallContext context = CallContext.create();
    assertThatThrownBy(() -> ImagesCall.retrieveImage("../etc", context))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("imageId");
    assertThatThrownBy(() -> ImagesCall.deleteImage(null, context))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("imageId");
    assertThatThrownBy(() -> ImagesCall.createCustomImage(null, context)).hasMessage("request == null");
    assertThatThrownBy(() -> ImagesCall.updateImage("img-1", null, context)).hasMessage("update == null");
    assertThatThrownBy(() -> ImagesCall.retrieveImageList(null, context)).hasMessage("query == null");
    assertThatThrownBy(() -> ImagesCall.retrieveCustomImagesStats(null)).hasMessage("context == null");
  }

  @Test
  void withContextKeepsTheOperationAndInput() {
    RecordingPort port = new RecordingPort();
    CallContext traced = CallContext.create().withTraceId("t-1");

    ImagesCall.updateImage("img-1", RENAME, CallContext.create()).withContext(traced).sendTo(port);

    assertThat(port.calls).containsExactly("update img-1 n2");
    assertThat(port.contexts.get(0)).isSameAs(traced);
  }

  @Test
  void interceptorsRunFirstToLastAroundThePortAndMayChangeTheContext() {
    RecordingPort port = new RecordingPort();
    List<String> order = new ArrayList<>();
    CallContext traced = CallContext.create().withTraceId("from-interceptor");
    ImagesInterceptor outer = new ImagesInterceptor() {
      @Override
      public <R> R intercept(ImagesCall<R> call, Chain chain) {
        order.add("outer in " + call.operation());
        try {
          return chain.proceed(call.withContext(traced));
        } finally {
          order.add("outer out");
        }
      }
    };
    ImagesInterceptor inner = new ImagesInterceptor() {
      @Override
      public <R> R intercept(ImagesCall<R> call, Chain chain) {
        order.add("inner in " + call.context().traceId().orElse("-"));
        return chain.proceed(call);
      }
    };

    ImagesInterceptor.around(port, List.of(outer, inner)).retrieveImage("img-1");

    assertThat(order).containsExactly("outer in retrieveImage", "inner in from-interceptor", "outer out");
    assertThat(port.contexts).containsExactly(traced);
  }

  @Test
  void anInterceptorThatFailsTheCallNeverReachesThePortAndFailuresPassThroughUnchanged() {
    RecordingPort port = new RecordingPort();
    IllegalStateException refused = new IllegalStateException("refused");
    ImagesInterceptor veto = new ImagesInterceptor() {
      @Override
      public <R> R intercept(ImagesCall<R> call, Chain chain) {
        throw refused;
      }
    };
    ImagesPort failing = new ImagesCallHandler() {
      @Override
      protected <R> R handle(ImagesCall<R> call) {
        throw new ImageNotFoundException(call.operation(), "Not Found", List.of("r-1"), null);
      }
    };
    ImagesInterceptor passThrough = new ImagesInterceptor() {
      @Override
      public <R> R intercept(ImagesCall<R> call, Chain chain) {
        return chain.proceed(call);
      }
    };

    assertThatThrownBy(() -> ImagesInterceptor.around(port, List.of(veto)).retrieveCustomImagesStats())
        .isSameAs(refused);
    assertThat(port.calls).isEmpty();
    assertThatThrownBy(() -> ImagesInterceptor.around(failing, List.of(passThrough)).retrieveImage("img-1"))
        .isInstanceOf(ImageNotFoundException.class);
  }

  @Test
  void noInterceptorsLeaveThePortAsItIs() {
    RecordingPort port = new RecordingPort();
    assertThat(ImagesInterceptor.around(port, List.of())).isSameAs(port);
  }

  @Test
  void anAwaitIsInterceptedAsAWholeFirstToLast() {
    List<String> order = new ArrayList<>();
    ImagesPort waiting = new RecordingPort() {
      @Override
      public Image awaitDownloaded(String imageId, Duration timeout) {
        order.add("port waits for " + imageId + " " + timeout);
        return null;
      }
    };
    class Named implements ImagesInterceptor {
      private final String name;

      Named(String name) {
        this.name = name;
      }

      @Override
      public <R> R intercept(ImagesCall<R> call, Chain chain) {
        order.add(name + " saw a call");
        return chain.proceed(call);
      }

      @Override
      public Image interceptAwaitDownloaded(String imageId, Duration timeout, Supplier<Image> wait) {
        order.add(name + " in");
        Image image = wait.get();
        order.add(name + " out");
        return image;
      }
    }

    ImagesInterceptor.around(waiting, Arrays.asList(new Named("a"), new Named("b")))
        .awaitDownloaded("img-1", Duration.ofMinutes(5));

    assertThat(order).containsExactly("a in", "b in", "port waits for img-1 PT5M", "b out", "a out");
  }
}
