package io.github.contabo4j.images.auth;

import static io.github.contabo4j.images.auth.Secrets.CLIENT_SECRET;
import static io.github.contabo4j.images.auth.Secrets.PASSWORD;
import static io.github.contabo4j.images.auth.Secrets.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.InvalidRequestException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * Each source of the chain, their order, partial sources, config files good and bad, and URLs: all
 * over an injected environment, system properties and home directory.
 */
@ExtendWith(CapturedLogs.Around.class)
class CredentialsChainTest {
  @TempDir
  Path dir;

  private ChainFixture fixture() {
    return new ChainFixture(dir);
  }

  /** A misconfigured chain: an IllegalArgumentException (IllegalStateException when no source holds any). */
  private static RuntimeException failure(ChainFixture fixture) {
    RuntimeException e = catchThrowableOfType(RuntimeException.class, () -> fixture.chain().resolve());
    assertThat(e).as("the chain fails").isNotNull();
    assertThat(e).isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class)
        .isNotInstanceOf(InvalidRequestException.class);
    Secrets.assertNoSecrets(e);
    assertThat(e.getCause()).isNull();
    return e;
  }

  // ---------------------------------------------------------------- each source

  @Test
  void systemPropertiesWithTheirOwnUrls() {
    ChainFixture f = fixture().properties("from-properties");
    f.properties.setProperty("contabo.tokenUrl", "https://auth.example.test/token");
    f.properties.setProperty("contabo.baseUrl", "https://api.example.test");

    ContaboCredentials credentials = f.resolve();

    assertThat(credentials.toString()).startsWith("ContaboCredentials{source=system properties contabo.*, "
        + "tokenUri=https://auth.example.test/token, clientId=from-properties, username=" + USERNAME);
    assertThat(credentials.baseUri()).contains(URI.create("https://api.example.test"));
  }

  @Test
  void theContaboVariablesWithTheDefaultUrls() {
    ContaboCredentials credentials = fixture().contabo("from-contabo-env").resolve();

    assertThat(credentials.toString()).startsWith("ContaboCredentials{source=environment CONTABO_*, tokenUri="
        + ContaboCredentials.DEFAULT_TOKEN_URI + ", clientId=from-contabo-env,");
    assertThat(credentials.baseUri()).isEmpty();
  }

  @Test
  void theTerraformProvidersVariablesWithTokenUrlAndApi() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    f.environment.put("CNTB_OAUTH2_TOKEN_URL", "https://keycloak.example.test/token");
    f.environment.put("CNTB_API", "http://127.0.0.1:8080/");

    ContaboCredentials credentials = f.resolve();

    assertThat(credentials.toString()).startsWith("ContaboCredentials{source=environment CNTB_OAUTH2_*, "
        + "tokenUri=https://keycloak.example.test/token, clientId=from-cntb-env,");
    assertThat(credentials.baseUri()).contains(URI.create("http://127.0.0.1:8080/"));
  }

  @Test
  void theHomeConfigFileWithTokenUrlAndApi() {
    ChainFixture f = fixture();
    Path file = f.homeFile(ChainFixture.yaml("from-home-file",
        "oauth2-tokenurl: https://auth.example.test/realms/contabo/token", "api: https://api.example.test"));

    ContaboCredentials credentials = f.resolve();

    assertThat(credentials.toString()).startsWith("ContaboCredentials{source=cntb config file " + file
        + ", tokenUri=https://auth.example.test/realms/contabo/token, clientId=from-home-file,");
    assertThat(credentials.baseUri()).contains(URI.create("https://api.example.test"));
  }

  @Test
  void theSystemConfigFileWhenTheHomeHasNone() {
    ChainFixture f = fixture();
    f.systemFile(ChainFixture.yaml("from-etc"));

    assertThat(f.resolve().toString()).contains("source=cntb config file " + f.systemFile + ", ")
        .contains("clientId=from-etc,");
  }

  @Test
  void theFileNamedByCntbConfigReplacesBothDefaultFiles() {
    ChainFixture f = fixture();
    f.homeFile(ChainFixture.yaml("from-home-file"));
    f.systemFile(ChainFixture.yaml("from-etc"));
    Path named = ChainFixture.write(dir.resolve("team.yaml"), ChainFixture.yaml("from-named-file"));
    f.environment.put("CNTB_CONFIG", named.toString());

    assertThat(f.resolve().toString()).contains("source=cntb config file " + named + ", ")
        .contains("clientId=from-named-file,");
  }

  @Test
  void aFileNamedByCntbConfigMustExist() {
    ChainFixture f = fixture();
    f.homeFile(ChainFixture.yaml("from-home-file"));
    f.environment.put("CNTB_CONFIG", dir.resolve("missing.yaml").toString());

    assertThat(failure(f)).hasMessage("CNTB_CONFIG is set but names no existing file");
  }

  @Test
  void valuesAreTheFilesTextEvenWhenYamlWouldReadANumber() {
    ChainFixture f = fixture();
    f.homeFile("oauth2-clientid: 0123\noauth2-client-secret: 1e5\noauth2-user: " + USERNAME
        + "\noauth2-password: \"" + PASSWORD + "\"\nunrelated: [a, b]\n");

    assertThat(f.chain().resolve().toString()).contains("clientId=0123,");
  }

  @Test
  void anEmptyFileOrOneWithoutCredentialsIsSkipped() {
    ChainFixture f = fixture();
    f.homeFile("# nothing yet\n");
    f.systemFile("api: https://api.example.test\n");
    f.contabo("from-contabo-env");
    assertThat(f.resolve().toString()).contains("source=environment CONTABO_*");

    f.environment.clear();
    assertThat(failure(f)).isInstanceOf(IllegalStateException.class)
        .hasMessage("credentials were found in no source; tried system properties contabo.*, "
        + "environment CONTABO_*, environment CNTB_OAUTH2_*, cntb config file " + f.home.resolve(".cntb.yaml")
        + ", cntb config file " + f.systemFile);
  }

  // ---------------------------------------------------------------- the order

  @Test
  void eachSourceWinsOverEveryLaterOne() {
    ChainFixture f = fixture().properties("1").contabo("2").cntb("3");
    f.homeFile(ChainFixture.yaml("4"));
    f.systemFile(ChainFixture.yaml("5"));

    for (String expected : List.of("1", "2", "3", "4", "5")) {
      assertThat(f.resolve().toString()).as("source %s", expected).contains("clientId=" + expected + ",");
      switch (expected) {
        case "1" -> f.properties.clear();
        case "2" -> List.of("CONTABO_CLIENT_ID", "CONTABO_CLIENT_SECRET", "CONTABO_API_USER", "CONTABO_API_PASSWORD")
            .forEach(f.environment::remove);
        case "3" -> f.environment.clear();
        case "4" -> f.homeFile("");
        default -> { }
      }
    }
  }

  @Test
  void aSourceWithOnlyUrlsIsSkippedAndItsUrlsAreNotUsed() {
    ChainFixture f = fixture().contabo("from-contabo-env");
    f.properties.setProperty("contabo.baseUrl", "https://properties.example.test");
    f.properties.setProperty("contabo.tokenUrl", "not even a url");
    f.environment.put("CNTB_API", "https://cntb.example.test");

    ContaboCredentials credentials = f.resolve();

    assertThat(credentials.toString()).contains("source=environment CONTABO_*")
        .contains("tokenUri=" + ContaboCredentials.DEFAULT_TOKEN_URI);
    assertThat(credentials.baseUri()).isEmpty();
  }

  @Test
  void blankValuesCountAsUnset() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    Map.of("CONTABO_CLIENT_ID", " ", "CONTABO_CLIENT_SECRET", "", "CONTABO_API_USER", "\t", "CONTABO_API_PASSWORD", "")
        .forEach(f.environment::put);

    assertThat(f.resolve().toString()).contains("source=environment CNTB_OAUTH2_*");
  }

  // ---------------------------------------------------------------- partial sources

  @Test
  void aPartialSourceIsAnErrorNamingWhatIsMissingNeverAFallThrough() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    f.environment.put("CONTABO_CLIENT_ID", "half");
    f.environment.put("CONTABO_API_PASSWORD", PASSWORD);

    assertThat(failure(f)).hasMessage("environment CONTABO_* sets CONTABO_CLIENT_ID, CONTABO_API_PASSWORD but not "
        + "CONTABO_CLIENT_SECRET, CONTABO_API_USER: set all four credentials there, or none");
  }

  @Test
  void partialSystemPropertiesAndPartialFilesAreErrorsToo() {
    ChainFixture props = fixture().contabo("from-contabo-env");
    props.properties.setProperty("contabo.clientSecret", CLIENT_SECRET);
    assertThat(failure(props).getMessage()).startsWith("system properties contabo.* sets contabo.clientSecret but not "
        + "contabo.clientId, contabo.apiUser, contabo.apiPassword");

    ChainFixture file = fixture();
    Path home = file.homeFile("oauth2-clientid: id\noauth2-client-secret: '" + CLIENT_SECRET + "'\n");
    file.systemFile(ChainFixture.yaml("from-etc"));
    assertThat(failure(file).getMessage()).startsWith("cntb config file " + home
        + " sets oauth2-clientid, oauth2-client-secret but not oauth2-user, oauth2-password");
  }

  // ---------------------------------------------------------------- bad files

  @Test
  void aSyntaxErrorNamesTheFileAndLineButNeverEchoesAValue() {
    ChainFixture f = fixture();
    Path file = f.homeFile("oauth2-clientid: id\noauth2-client-secret: \"" + CLIENT_SECRET + "\n"
        + "oauth2-password: [" + PASSWORD + "\n");

    RuntimeException e = failure(f);

    assertThat(e.getMessage()).startsWith(file + " is not valid YAML (syntax error at line ");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileThatIsNotAMappingOrHoldsAListForACredentialIsRejected() {
    ChainFixture f = fixture();
    Path file = f.homeFile("- " + CLIENT_SECRET + "\n");
    assertThat(failure(f)).hasMessage(file + " must hold a YAML mapping of keys such as oauth2-clientid");

    f.homeFile("oauth2-clientid: id\noauth2-password:\n  - " + PASSWORD + "\n");
    assertThat(failure(f)).hasMessage("oauth2-password in " + file + " must be a single value, not a list or mapping");

    f.homeFile(ChainFixture.yaml("id", "oauth2-clientid: again"));
    assertThat(failure(f)).hasMessage(file + " has the key oauth2-clientid twice");

    f.homeFile(ChainFixture.yaml("id", "'" + PASSWORD + "': 1", "'" + PASSWORD + "': 2"));
    assertThat(failure(f)).hasMessage(file + " has the key (a key) twice");
  }

  @Test
  void aHugeFileIsNotRead() {
    ChainFixture f = fixture();
    Path file = f.homeFile("# " + "x".repeat(1 << 20) + "\n" + ChainFixture.yaml("id"));

    assertThat(failure(f)).hasMessage(file + " is larger than 1048576 bytes: not a cntb config file");
  }

  // ---------------------------------------------------------------- URLs

  @Test
  void urlsOfTheChosenSourceFollowTheHttpsOrLoopbackRule() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    f.environment.put("CNTB_API", "http://api.example.test");
    assertThat(failure(f)).hasMessage("CNTB_API of environment CNTB_OAUTH2_* must use https "
        + "(http only on a loopback host: localhost, 127.0.0.0/8 or ::1)");

    f.environment.put("CNTB_API", "https://api.example.test");
    f.environment.put("CNTB_OAUTH2_TOKEN_URL", "https://ops:" + "pw@auth.example.test/token");
    assertThat(failure(f).getMessage())
        .isEqualTo("CNTB_OAUTH2_TOKEN_URL of environment CNTB_OAUTH2_* must not carry user-info (credentials) before the host");

    ChainFixture file = fixture();
    Path home = file.homeFile(ChainFixture.yaml("id", "api: ftp://api.example.test"));
    assertThat(failure(file).getMessage()).startsWith("api of cntb config file " + home + " must use https");
  }

  // ---------------------------------------------------------------- explicit settings win

  @Test
  void anExplicitTokenUriOnTheResolvedBuilderWins() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    f.environment.put("CNTB_OAUTH2_TOKEN_URL", "https://chain.example.test/token");

    ContaboCredentials credentials = f.chain().resolve().tokenUri("https://explicit.example.test/token").build();

    assertThat(credentials.toString()).contains("source=environment CNTB_OAUTH2_*")
        .contains("tokenUri=https://explicit.example.test/token");
  }

  @Test
  void credentialsReplacedOnTheResolvedBuilderAreNoLongerTheSources() {
    ChainFixture f = fixture().cntb("from-cntb-env");
    f.environment.put("CNTB_API", "https://api.example.test");

    ContaboCredentials credentials = f.chain().resolve().clientId("explicit-id").build();

    assertThat(credentials.toString()).startsWith("ContaboCredentials{tokenUri=").contains("clientId=explicit-id,");
    assertThat(credentials.baseUri()).isEmpty();
  }

  // ---------------------------------------------------------------- the one DEBUG line

  @Test
  void oneDebugLineNamesTheSourceAndTheSkippedOnesWithoutASecret() {
    ChainFixture f = fixture();
    f.homeFile(ChainFixture.yaml("id", "api: https://api.example.test"));

    f.resolve();

    assertThat(CapturedLogs.messages(CredentialsChain.class.getName(), Level.DEBUG)).containsExactly(
        "OAuth2 credentials from cntb config file " + f.home.resolve(".cntb.yaml") + " (skipped: system properties "
            + "contabo.*, environment CONTABO_*, environment CNTB_OAUTH2_*); token URL default, API base URL "
            + "https://api.example.test");
    assertThat(CapturedLogs.events()).hasSize(1);
    Secrets.assertNoSecrets(CapturedLogs.events().toString());
  }

  @Test
  void theChainsOwnToStringNamesOnlyItsPlaces() {
    ChainFixture f = fixture().properties("id");
    assertThat(f.chain().toString())
        .isEqualTo("CredentialsChain{home=" + f.home + ", systemConfigFile=" + f.systemFile + "}");
    Properties empty = new Properties();
    empty.setProperty("user.home", f.home.toString());
    assertThat(CredentialsChain.builder().environment(Map.of()).systemProperties(empty)
        .systemConfigFile(f.systemFile).build().toString()).contains("home=" + f.home + ",");
  }
}
