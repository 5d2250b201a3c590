package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaultsAreLoopbackAnyCredentialsAndTheControlApiOn() throws Exception {
    Options o = Options.parse();
    assertThat(o.port).isEqualTo(Options.DEFAULT_PORT);
    assertThat(o.bind.isLoopbackAddress()).isTrue();
    assertThat(o.anyCredentials()).isTrue();
    assertThat(o.control).isTrue();
    assertThat(o.strict).isFalse();
    assertThat(o.stateFile).isNull();
    assertThat(o.downloadTime).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.tokenLifetime).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void everyOptionIsRead() throws Exception {
    Options o = Options.parse("--port=0", "--port-file", "p.txt", "--token-lifetime", "2m", "--download-time", "500ms",
        "--fail-downloads", "broken", "--download-error", "nope", "--quota-mb", "10", "--image-size-mb", "2",
        "--no-standard-images", "--strict", "--seed", "seed.json", "--state", "state.json", "--no-control",
        "--client-id", "c", "--client-secret", "s", "--username", "u", "--password", "p");
    assertThat(o.port).isZero();
    assertThat(o.portFile).isEqualTo(Path.of("p.txt"));
    assertThat(o.tokenLifetime).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.downloadTime).isEqualTo(Duration.ofMillis(500));
    assertThat(o.failDownloads.matcher("https://x/broken.iso").find()).isTrue();
    assertThat(o.downloadError).isEqualTo("nope");
    assertThat(o.quotaMb).isEqualTo(10);
    assertThat(o.imageSizeMb).isEqualTo(2);
    assertThat(o.standardImages).isFalse();
    assertThat(o.strict).isTrue();
    assertThat(o.seedFile).isEqualTo(Path.of("seed.json"));
    assertThat(o.stateFile).isEqualTo(Path.of("state.json"));
    assertThat(o.control).isFalse();
    assertThat(o.anyCredentials()).isFalse();
  }

  @Test
  void durationsTakeUnitsPlainSecondsAndIso() throws Exception {
    assertThat(Options.duration("x", "45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Options.duration("x", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Options.duration("x", "PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> Options.duration("--download-time", "soon")).hasMessageContaining("--download-time must be a duration");
    assertThatThrownBy(() -> Options.duration("--download-time", "-5s")).hasMessageContaining("must not be negative");
  }

  @Test
  void aBadCommandLineIsRefusedNamingTheOptionAndTheRule() {
    assertRefused("unknown option --frobnicate", "--frobnicate");
    assertRefused("--port must be an integer from 0 to 65535", "--port", "70000");
    assertRefused("--port needs a value", "--port");
    assertRefused("give all four or none", "--client-id", "c");
    assertRefused("--token-lifetime must be above zero", "--token-lifetime", "0");
    assertRefused("--fail-downloads is not a regular expression", "--fail-downloads", "(");
    assertRefused("--control-token must be at least 8", "--control-token", "short");
    assertRefused("add --allow-remote", "--bind", "0.0.0.0");
    assertRefused("give it a --control-token", "--bind", "0.0.0.0", "--allow-remote");
  }

  @Test
  void aRemoteBindIsAcceptedWithTheFlagAndATokenOrWithoutTheControlApi() throws Exception {
    assertThat(Options.parse("--bind", "0.0.0.0", "--allow-remote", "--control-token", "0123456789").controlToken)
        .isEqualTo("0123456789");
    assertThat(Options.parse("--bind", "0.0.0.0", "--allow-remote", "--no-control").control).isFalse();
  }

  private static void assertRefused(String message, String... args) {
    assertThatThrownBy(() -> Options.parse(args)).isInstanceOf(Options.UsageException.class)
        .hasMessageContaining(message);
  }
}
