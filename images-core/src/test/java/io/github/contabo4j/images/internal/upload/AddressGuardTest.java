package io.github.contabo4j.images.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address a host resolves to must be public; literals resolve to themselves, without DNS. */
class AddressGuardTest {
  private static final AddressGuard STRICT = new AddressGuard(InetAddress::getAllByName, false);
  private static final AddressGuard LOOPBACK_OK = new AddressGuard(InetAddress::getAllByName, true);

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, loopback", "[::1], loopback", "10.0.0.1, private", "172.16.5.4, private", "192.168.1.1, private",
      "169.254.169.254, cloud metadata", "169.254.10.10, link-local", "[fe80::1], link-local",
      "[fd00:ec2::254], unique-local", "100.64.0.1, carrier-grade NAT", "0.0.0.0, unspecified",
      "0.1.2.3, this network", "224.0.0.1, multicast", "255.255.255.255, broadcast", "[::ffff:10.0.0.1], private"})
  void nonPublicAddressesAreRefusedNamingWhy(String host, String why) throws UnknownHostException {
    assertThat(STRICT.refusal(host)).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "[2606:2800:220:1:248:1893:25c8:1946]", "100.128.0.1", "172.32.0.1"})
  void publicAddressesPass(String host) throws UnknownHostException {
    assertThat(STRICT.refusal(host)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "[::1]"})
  void loopbackPassesOnlyWhenAllowed(String host) throws UnknownHostException {
    assertThat(LOOPBACK_OK.refusal(host)).isNull();
    assertThat(LOOPBACK_OK.refusal("10.0.0.1")).contains("private");
  }

  @org.junit.jupiter.api.Test
  void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() throws UnknownHostException {
    AddressGuard guard = new AddressGuard(host -> new InetAddress[] {
        InetAddress.getByName("93.184.216.34"), InetAddress.getByName("169.254.169.254")}, false);

    assertThat(guard.refusal("rebind.example")).contains("rebind.example resolves to 169.254.169.254");
  }
}
