package io.github.contabo4j.images.auth;

import static io.github.contabo4j.images.auth.Secrets.CLIENT_ID;
import static io.github.contabo4j.images.auth.Secrets.USERNAME;
import static io.github.contabo4j.images.auth.Secrets.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.InvalidRequestException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration without a server: the environment, the token URI rule, validation and toString. */
class CredentialsConfigTest {

  @Test
  void fromEnvironmentReadsTheFourVariablesAndShowsNoSecret() {
    ContaboCredentials source = ContaboCredentials.fromEnvironment(Secrets.environment());

    assertThat(source.toString())
        .contains("clientId=" + CLIENT_ID, "username=" + USERNAME, "tokenUri=" + ContaboCredentials.DEFAULT_TOKEN_URI,
            "clientSecret=<redacted>", "password=<redacted>");
    assertNoSecrets(source.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONTABO_CLIENT_ID", "CONTABO_CLIENT_SECRET", "CONTABO_API_USER", "CONTABO_API_PASSWORD"})
  void aMissingVariableIsNamedButNoValueIsShown(String variable) {
    Map<String, String> env = new HashMap<>(Secrets.environment());
    env.remove(variable);

    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> ContaboCredentials.fromEnvironment(env));

    assertThat(e).isNotInstanceOf(InvalidRequestException.class); // a configuration error, not request input
    assertThat(e.getMessage()).isEqualTo(variable + " must be set in the environment and not blank");
    assertNoSecrets(e);
  }

  @Test
  void aBlankVariableCountsAsMissing() {
    Map<String, String> env = new HashMap<>(Secrets.environment());
    env.put(ContaboCredentials.ENV_API_PASSWORD, "  ");

    assertThatThrownBy(() -> ContaboCredentials.fromEnvironment(env))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CONTABO_API_PASSWORD ");
  }

  @Test
  void environmentCombinesWithOtherSettings() {
    ContaboCredentials source = ContaboCredentials.builder()
        .environment(Secrets.environment())
        .tokenUri("https://auth.example.test/realms/r/token")
        .refreshSkew(Duration.ofSeconds(5))
        .build();

    assertThat(source.toString()).contains("tokenUri=https://auth.example.test/realms/r/token", "refreshSkew=PT5S");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://auth.contabo.com/token",
      "ftp://localhost/token",
      "https://user:pw@auth.example.test/token",
      "https://auth.example.test/token?x=1",
      "token",
      "http://127.0.0.1.evil.test/token"})
  void tokenUriFollowsTheHttpsOrLoopbackRule(String uri) {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> ContaboCredentials.builder().tokenUri(uri));

    assertThat(e).isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).startsWith("tokenUri ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://auth.example.test/token", "http://localhost:8080/token", "http://127.0.0.1:1/t",
      "http://[::1]:8080/token"})
  void tokenUriAcceptsHttpsAndLoopback(String uri) {
    assertThat(Secrets.builder(uri).build().toString()).contains("tokenUri=" + uri);
  }

  @Test
  void missingCredentialsAreNamedAtBuild() {
    assertThatThrownBy(() -> ContaboCredentials.builder().clientId("id").clientSecret("s").username("u").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("password == null");
    assertThatThrownBy(() -> ContaboCredentials.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("clientId == null");
  }

  @Test
  void settersRejectBadValuesByName() {
    ContaboCredentials.Builder b = ContaboCredentials.builder();
    assertThatThrownBy(() -> b.clientSecret(" ")).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientSecret must not be blank");
    assertThatThrownBy(() -> b.password("")).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("password must not be empty");
    assertThatThrownBy(() -> b.username(null)).isInstanceOf(NullPointerException.class).hasMessage("username == null");
    assertThatThrownBy(() -> b.refreshSkew(Duration.ofSeconds(-1))).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("refreshSkew must not be negative");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO)).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestTimeout must be positive");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofDays(2))).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("requestTimeout must be at most");
    assertThatThrownBy(() -> b.policy(null)).isInstanceOf(NullPointerException.class).hasMessage("policy == null");
  }

  @Test
  void builderToStringShowsNoSecret() {
    ContaboCredentials.Builder empty = ContaboCredentials.builder();
    assertThat(empty.toString()).contains("clientSecret=unset", "password=unset");

    String text = Secrets.builder("https://auth.example.test/token").toString();
    assertThat(text).contains("clientId=" + CLIENT_ID, "clientSecret=<redacted>", "password=<redacted>");
    assertNoSecrets(text);
  }

  @Test
  void rejectedCredentialsExceptionShowsOnlyWhatTheEndpointSaid() {
    CredentialsRejectedException e = new CredentialsRejectedException("password", 400, null, null);

    assertThat(e.getMessage()).isEqualTo("token endpoint rejected the password grant: HTTP 400");
    assertThat(e.error()).isEmpty();
    assertThat(e.errorDescription()).isEmpty();
    assertThat(e.statusCode()).hasValue(400);
    assertThat(new TokenEndpointException("x", 0, null).statusCode()).isEmpty();
  }
}
