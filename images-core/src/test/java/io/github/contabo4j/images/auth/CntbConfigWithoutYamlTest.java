package io.github.contabo4j.images.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jackson-dataformat-yaml is optional: on a class path without it (and without SnakeYAML), the chain
 * still works from the environment, and an existing config file is a clear error naming the missing
 * library. Core's main classes are loaded in a class loader that cannot see either library.
 */
class CntbConfigWithoutYamlTest {
  @TempDir
  Path dir;

  @Test
  void withoutTheYamlLibraryAnExistingFileSaysWhatIsMissing() throws Exception {
    ChainFixture f = new ChainFixture(dir);
    Path file = f.homeFile(ChainFixture.yaml("from-home-file"));

    try (URLClassLoader loader = withoutYaml()) {
      assertThat(loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper")).isNotNull();
      assertThat(tryLoad(loader, "com.fasterxml.jackson.dataformat.yaml.YAMLFactory")).isFalse();

      Throwable failure = resolve(loader, Map.of(), f);
      assertThat(failure.getClass().getName()).isEqualTo("java.lang.IllegalArgumentException");
      assertThat(failure.getMessage()).isEqualTo(file + " is a cntb config file: reading it needs "
          + "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml on the class path (an optional dependency of "
          + "images-core), or set the credentials in the environment instead");

      assertThat(resolve(loader, Map.of("CONTABO_CLIENT_ID", "env-id", "CONTABO_CLIENT_SECRET", "env-secret-1",
          "CONTABO_API_USER", "env-user", "CONTABO_API_PASSWORD", "env-password-1"), f))
          .as("no file reached: no YAML needed").isNull();
    }
  }

  /** Runs the chain inside the loader; returns what it threw, or null. */
  private static Throwable resolve(ClassLoader loader, Map<String, String> environment, ChainFixture f)
      throws ReflectiveOperationException {
    Class<?> chain = loader.loadClass(CredentialsChain.class.getName());
    Object builder = chain.getMethod("builder").invoke(null);
    Class<?> type = builder.getClass();
    type.getMethod("environment", Map.class).invoke(builder, environment);
    type.getMethod("systemProperties", Properties.class).invoke(builder, new Properties());
    type.getMethod("home", Path.class).invoke(builder, f.home);
    type.getMethod("systemConfigFile", Path.class).invoke(builder, f.systemFile);
    Object built = type.getMethod("build").invoke(builder);
    Method resolve = chain.getMethod("resolve");
    try {
      resolve.invoke(built);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  /** This test's class path minus the YAML jars and the test classes (their SLF4J binding). */
  private static URLClassLoader withoutYaml() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = entry.replace('\\', '/');
      if (name.contains("jackson-dataformat-yaml") || name.contains("snakeyaml") || name.endsWith("test-classes")
          || name.endsWith("test-classes/") || name.contains("surefirebooter")) {
        continue;
      }
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static boolean tryLoad(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
