package io.github.contabo4j.images.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Renewal is single-flight: the token endpoint holds its answer until every one of 50 callers that
 * met the expired token is inside {@code accessToken()} (one sending, 49 queued), and then exactly one
 * token request has been made and all 50 get its token. Nothing sleeps: a latch and the cache's queue
 * length say when everyone is waiting.
 */
class SingleFlightTest {
  private static final int CALLERS = 50;
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(15);

  /** Holds the answer of the stubs that name it until every caller is waiting. */
  static final class AwaitCallers implements ResponseDefinitionTransformerV2 {
    static final AtomicReference<CountDownLatch> started = new AtomicReference<>(new CountDownLatch(0));
    static final AtomicReference<ContaboCredentials> source = new AtomicReference<>();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      try {
        if (!started.get().await(BUDGET_NANOS, TimeUnit.NANOSECONDS)) {
          throw new AssertionError("not every caller started");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      long deadline = System.nanoTime() + BUDGET_NANOS;
      while (source.get().queuedCallers() < CALLERS - 1) { // the 50th is this request's sender
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + source.get().queuedCallers() + " callers queued");
        }
        Thread.onSpinWait();
        Thread.yield();
      }
      return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "await-callers";
    }
  }

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true).extensions(new AwaitCallers()))
      .build();

  @Test
  void fiftyCallersMeetingAnExpiredTokenCauseExactlyOneTokenRequest() throws Exception {
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=password"))
        .willReturn(okJson("{\"access_token\":\"old\",\"expires_in\":60,\"refresh_token\":\"r1\"}")));
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(okJson("{\"access_token\":\"new\",\"expires_in\":60,\"refresh_token\":\"r2\"}")
            .withTransformers("await-callers")));
    ManualClock clock = new ManualClock();
    ContaboCredentials source = Secrets.builder(wm.baseUrl() + "/token")
        .clock(clock).requestTimeout(Duration.ofSeconds(25)).build();
    AwaitCallers.source.set(source);
    CountDownLatch started = new CountDownLatch(CALLERS);
    AwaitCallers.started.set(started);
    assertThat(source.accessToken()).isEqualTo("old");
    clock.advance(Duration.ofSeconds(60));

    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        results.add(pool.submit(() -> {
          started.countDown();
          return source.accessToken();
        }));
      }
      for (Future<String> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo("new");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))))
        .hasSize(1);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(2);
    assertThat(source.queuedCallers()).isZero();
  }
}
