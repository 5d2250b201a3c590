package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real jar's --help, --version and refusals of a bad command line. */
// Each start waits for the start-up line, not a sleep; the bound is generous for a loaded machine.
@Timeout(120)
class CommandLineIT {
  @TempDir Path dir;

  @Test
  void helpAndVersionExitZero() throws Exception {
    EmulatorProcess.Finished help = EmulatorProcess.run(dir, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("--port-file").contains("--state").contains("--strict");
    EmulatorProcess.Finished version = EmulatorProcess.run(dir, "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.output().trim()).matches("images-emulator \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void aNonLoopbackAddressNeedsAnExplicitFlagAndAControlToken() throws Exception {
    EmulatorProcess.Finished noFlag = EmulatorProcess.run(dir, "--port", "0", "--bind", "0.0.0.0");
    assertThat(noFlag.exitCode()).isEqualTo(2);
    assertThat(noFlag.output()).contains("--allow-remote");
    EmulatorProcess.Finished noToken = EmulatorProcess.run(dir, "--port", "0", "--bind", "0.0.0.0", "--allow-remote");
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.output()).contains("--control-token");
  }
}
