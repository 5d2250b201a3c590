package io.github.contabo4j.images.jpmscheck;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Creates, lists and deletes an image through each transport against a loopback server, as a named
 * module: core, the transports and Jackson must all be named modules too, so a package the library
 * forgot to export or to open to Jackson fails here at run time.
 *
 * <p>Run it on the module path (see this module's pom):
 * {@code java -p <module path> -m io.github.contabo4j.images.jpmscheck/io.github.contabo4j.images.jpmscheck.ModulePathCheck}.
 */
public final class ModulePathCheck {
  static final String TOKEN = "jpms-check-token";
  static final String JACKSON = "com.fasterxml.jackson.databind";

  private ModulePathCheck() {}

  /**
   * What one transport did: the created image, the image as the list returned it, and how many images
   * the list still held after the delete.
   *
   * @param transport the transport's name
   * @param created what create returned
   * @param listed the created image as list decoded it
   * @param leftAfterDelete the size of the list after the delete
   * @param calls the calls the server answered for this transport
   */
  public record RoundTrip(String transport, CreatedImage created, Image listed, int leftAfterDelete, List<String> calls) {}

  /**
   * Runs the check and prints one line per transport.
   *
   * @param args none
   */
  public static void main(String[] args) {
    for (RoundTrip trip : run()) {
      System.out.println(trip.transport() + ": created, listed and deleted " + trip.created().imageId()
          + " on the module path (" + String.join(", ", trip.calls()) + ")");
    }
  }

  /**
   * Makes create, list and delete through the JDK and then the Feign transport.
   *
   * @return one round trip per transport
   * @throws IllegalStateException if the modules are not named, or a call returned the wrong thing
   */
  public static List<RoundTrip> run() {
    requireNamedModules();
    try (LoopbackImagesServer server = LoopbackImagesServer.start(TOKEN)) {
      List<RoundTrip> trips = new ArrayList<>();
      trips.add(roundTrip("jdk", server, uri -> JdkImagesClient.builder().baseUri(uri).token(TOKEN).build()));
      trips.add(roundTrip("feign", server, uri -> FeignImagesClient.builder().baseUri(uri).token(TOKEN).build()));
      return trips;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RoundTrip roundTrip(String transport, LoopbackImagesServer server, Function<URI, ImagesClient> clients) {
    int before = server.calls().size();
    try (ImagesClient client = clients.apply(server.uri())) {
      String name = "jpms-" + transport;
      CreatedImage created = client.createCustomImage(
          CreateCustomImage.of(name, "https://example.com/" + name + ".qcow2", OsType.LINUX, "1.0"));
      Image listed = client.retrieveImageList(ImageListQuery.all()).items().stream()
          .filter(image -> image.imageId().equals(created.imageId()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(transport + ": the list lacks " + created.imageId()));
      require(name.equals(listed.name()), transport + ": the list decoded the name as " + listed.name());
      require(OsType.LINUX.equals(listed.osType()), transport + ": the list decoded the osType as " + listed.osType());
      require(Instant.parse(LoopbackImagesServer.CREATED_AT).equals(listed.creationDate()),
          transport + ": the list decoded the creationDate as " + listed.creationDate());
      client.deleteImage(created.imageId());
      int left = client.retrieveImageList(ImageListQuery.all()).items().size();
      require(left == 0, transport + ": " + left + " images left after the delete");
      List<String> calls = server.calls();
      return new RoundTrip(transport, created, listed, left, calls.subList(before, calls.size()));
    }
  }

  private static void requireNamedModules() {
    for (Class<?> type : List.of(ModulePathCheck.class, ImagesClient.class, JdkImagesClient.class, FeignImagesClient.class)) {
      Module module = type.getModule();
      require(module.isNamed() && !module.getDescriptor().isAutomatic(),
          type.getName() + " is not in an explicit named module: run this on the module path");
    }
    require(ModuleLayer.boot().findModule(JACKSON).isPresent(), JACKSON + " is not on the module path");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
