package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.spring.boot.ImagesActivity.CallEvent;
import io.github.contabo4j.images.spring.boot.ImagesActivity.TokenEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the auto-configured client, from what it last did: a probe makes no API call and
 * fetches no token, so probing often costs Contabo nothing and never trips its rate limits.
 *
 * <ul>
 *   <li>{@code UNKNOWN} before the client fetched a token or finished a call;
 *   <li>{@code DOWN} when the last token fetch failed (rejected credentials, an unreachable token
 *       endpoint), or the last call ended with no usable answer, a 5xx or a 401;
 *   <li>{@code UP} otherwise: a call that failed with another status (a 404, a 409) is the caller's
 *       business, not the API's health.
 * </ul>
 *
 * <p>Details: {@code token} ({@code lastFetch}, and {@code failure}, the exception's class name) and
 * {@code lastCall} ({@code operation}, {@code outcome}, {@code statusCode}, {@code latencyMs}, {@code
 * requestId}, {@code at}). Never a token, a secret or an exception message.
 */
public final class ContaboImagesHealthIndicator extends AbstractHealthIndicator {
  private static final Set<String> DOWN_FAILURES =
      Set.of("ImagesTransportException", "ServerErrorException", "AuthenticationException",
          "TokenEndpointException", "CredentialsRejectedException", "IllegalStateException");

  private final ImagesActivity activity;

  ContaboImagesHealthIndicator(ImagesActivity activity) {
    super("Contabo Images health check failed");
    this.activity = activity;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    TokenEvent token = activity.lastToken();
    CallEvent call = activity.lastCall();
    if (token == null && call == null) {
      builder.unknown().withDetail("lastCall", "none yet");
      return;
    }
    boolean down = false;
    if (token != null) {
      builder.withDetail("token", token.failure() == null
          ? Map.of("lastFetch", token.at().toString(), "state", "fetched")
          : Map.of("lastFetch", token.at().toString(), "state", "failed", "failure", token.failure()));
      down = token.failure() != null; // the most recent fetch failed
    }
    if (call != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("operation", call.operation().name());
      details.put("outcome", call.failure() == null ? "success" : call.failure());
      if (call.statusCode() != null) {
        details.put("statusCode", call.statusCode());
      }
      details.put("latencyMs", call.latency().toMillis());
      if (call.requestId() != null) {
        details.put("requestId", call.requestId());
      }
      details.put("at", call.at().toString());
      builder.withDetail("lastCall", details);
      down |= call.failure() != null && (DOWN_FAILURES.contains(call.failure())
          || (call.statusCode() != null && call.statusCode() >= 500));
    }
    if (down) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
