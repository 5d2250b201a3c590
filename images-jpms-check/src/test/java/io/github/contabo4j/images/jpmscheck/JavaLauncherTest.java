package io.github.contabo4j.images.jpmscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the check the way a modular application starts: {@code java -p <module path> -m <module>/<main>}
 * in a new JVM, whose only root module is the consumer. Surefire's own JVM also has a class path, which
 * resolves every system module; this one resolves only what the descriptors require (that is how the
 * Feign transport's need for {@code jdk.net} was found).
 */
class JavaLauncherTest {
  private static final String MAIN = "io.github.contabo4j.images.jpmscheck/" + ModulePathCheck.class.getName();

  @Test
  @Timeout(value = 80, unit = TimeUnit.SECONDS) // a JVM start on a loaded two-core machine, not a socket wait
  void theCheckPassesWhenLaunchedWithJavaDashM() throws IOException, InterruptedException {
    String modulePath = System.getProperty("jdk.module.path");
    assertThat(modulePath).as("surefire runs this module on the module path").isNotBlank();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Process process = new ProcessBuilder(java.toString(), "-p", modulePath, "-m", MAIN)
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(70, TimeUnit.SECONDS)).as("the launched check exits").isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("jdk: created, listed and deleted ")
        .contains("feign: created, listed and deleted ");
  }
}
