package io.github.contabo4j.images.jpmscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
  void theCheckPassesWhenLaunchedWithJavaDashM(@TempDir Path dir) throws IOException, InterruptedException {
    String modulePath = System.getProperty("jdk.module.path");
    assertThat(modulePath).as("surefire runs this module on the module path").isNotBlank();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("check.log");

    Process process = new ProcessBuilder(java.toString(), "-p", modulePath, "-m", MAIN)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean exited = process.waitFor(70, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);

    assertThat(exited).as("the launched check exits: %s", output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("jdk: created, listed and deleted ")
        .contains("feign: created, listed and deleted ");
  }
}
