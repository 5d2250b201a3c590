package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.PortContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The suites' harness, from a subclass in another package as adapters will write it: the hook gets
 * each test's fresh fake, and after each test the port, then the registered resources, are closed.
 */
class PortContractTest extends PortContract {
  private static final List<String> EVENTS = new ArrayList<>();
  private static final List<FakeImages> FAKES = new ArrayList<>();

  @Override
  protected ImagesPort portFor(FakeImages fake) {
    EVENTS.add("portFor");
    FAKES.add(fake);
    closeAfterTest(() -> EVENTS.add("closed resource"));
    return (ImagesPort) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ImagesPort.class, AutoCloseable.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            EVENTS.add("closed port");
            return null;
          }
          try {
            return method.invoke(fake, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void theHookServesThisTestsFakeOnTheTestClock() {
    assertThat(FAKES).last().isSameAs(fake());
    assertThat(port()).isNotSameAs(fake()).isInstanceOf(AutoCloseable.class);
    assertThat(fake().clock()).isSameAs(clock());
    assertThat(clock().instant()).isEqualTo(START);
    fake().seedCustomImage("only-in-this-test");
    assertThat(port().retrieveCustomImagesStats().currentImagesCount()).isEqualTo(1);
  }

  @Test
  void openPortServesAnotherFakeAndClosesItToo() throws Exception {
    FakeImages empty = fakeBuilder().seedStandardImages(false).build();

    ImagesPort other = openPort(empty);

    assertThat(other.retrieveImageList(io.github.contabo4j.images.ImageListQuery.all()).items()).isEmpty();
    assertThat(FAKES).last().isSameAs(empty);
    assertThat(port().retrieveCustomImagesStats().currentImagesCount()).isZero();
  }

  @AfterAll
  static void everyTestGotAFreshFakeAndEverythingWasClosedMostRecentFirst() {
    assertThat(FAKES).hasSize(3).doesNotHaveDuplicates();
    List<String> oneTest = List.of("portFor", "closed port", "closed resource");
    List<String> openPortTest = List.of("portFor", "portFor", "closed port", "closed resource", "closed port",
        "closed resource");
    assertThat(EVENTS).satisfiesAnyOf(
        e -> assertThat(e).isEqualTo(concat(oneTest, openPortTest)),
        e -> assertThat(e).isEqualTo(concat(openPortTest, oneTest)));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
