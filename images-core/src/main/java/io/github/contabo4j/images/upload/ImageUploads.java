package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.upload.Ensurer;
import io.github.contabo4j.images.internal.upload.Preflights;
import io.github.contabo4j.images.internal.upload.SourceProbe;
import java.time.Clock;
import java.util.Objects;

/**
 * The upload workflow over any {@link ImagesPort}: check a source first, ensure an image by name,
 * wait with progress. Thread-safe; holds no connection of the port, only the preflight's own HTTP
 * client.
 *
 * <pre>{@code
 * ImageUploads uploads = ImageUploads.over(client);
 * EnsureResult result = uploads.ensureImage(
 *     CreateCustomImage.of("web-base", url, OsType.LINUX, "24.04"),
 *     EnsureOptions.builder().preflight(true).waitUntilDownloaded(Duration.ofMinutes(30)).build());
 * }</pre>
 *
 * <h2>Preflight</h2>
 *
 * {@link #preflight(String)} checks a source URL read-only and returns one {@link Finding} per
 * problem. It runs on its own {@code java.net.http} client with its own {@link PreflightOptions}: it
 * never sends the API client's token or headers (only {@code User-Agent} and {@code Range}). Every
 * hop, the URL and each redirect target, followed by hand up to {@code maxRedirects}, is resolved and
 * refused when any address is loopback, private, link-local (cloud metadata such as {@code
 * 169.254.169.254}), or otherwise not public. An https to http redirect is reported. It sends {@code
 * HEAD}, then one {@code GET} with {@code Range: bytes=0-65535}, and keeps at most {@link
 * #READ_LIMIT} bytes of that body whatever the server sends, closing the connection then. The format
 * is read from those bytes, never from the name. A URL's query string is shown as {@code <redacted>}
 * in findings, logs and exceptions. Known limit: the JDK client resolves the host again when it
 * connects, so a DNS answer that changes between the check and the connect (DNS rebinding) is not
 * caught; Contabo's own downloader is what finally fetches the file.
 *
 * <h2>Ensure an image</h2>
 *
 * {@link #ensureImage(CreateCustomImage, EnsureOptions)} makes sure exactly one custom image named
 * {@code request.name()} exists from {@code request.url()}:
 *
 * <ul>
 *   <li><b>Matching.</b> The service's {@code name} filter matches substrings ignoring case, so the
 *       helper walks every page of that filter and keeps the custom images whose name equals the name
 *       exactly (case-sensitive).
 *   <li><b>URL equality.</b> Two URLs are the same source when scheme and host are equal ignoring
 *       case, an explicit default port (80/443) equals none, an empty path equals {@code /}, and path
 *       and query are equal exactly as written (no percent-decoding, no parameter reordering); the
 *       fragment is ignored. With {@link EnsureOptions#ignoreQuery()} the query is not compared.
 *   <li><b>Absent:</b> created with the port's create (behind the resilience decorator: the safe
 *       create, reconciled through the audit log), optionally after a preflight ({@link
 *       EnsureImageException.Reason#PREFLIGHT} stops it on a certain finding).
 *   <li><b>Present from the same URL:</b> returned, downloading or not ({@link EnsureResult.Outcome#EXISTS});
 *       one whose download ended in {@code error} is reported ({@link EnsureResult.Outcome#FAILED})
 *       and replaced only with {@link EnsureOptions#replaceWhenFailed()}.
 *   <li><b>Present from another URL:</b> left alone ({@link EnsureResult.Outcome#OTHER_URL}, naming
 *       both URLs). With {@link EnsureOptions#replaceWhenUrlDiffers()}: a new image is created under
 *       the name plus {@code " [replacing]"}, waited for until {@code downloaded}, then the old image
 *       is deleted and the new one renamed. If the new download fails or the wait ends otherwise, the
 *       new image is deleted and the old one stays: the name never goes without an image. A run that
 *       stops after the delete (before the rename) is resumed by the next call, which finds the
 *       {@code [replacing]} image from the same URL and renames it.
 *   <li><b>Storage quota:</b> old and new image exist side by side until the new one has downloaded.
 *       Before creating it, the free storage ({@code retrieveCustomImagesStats}) is compared with the
 *       new image's size (from the preflight, else the old image's size); if it is short, {@link
 *       EnsureImageException.Reason#QUOTA} is thrown and nothing changes. The helper never deletes the
 *       old image first to make room: that is the caller's decision.
 *   <li><b>More than one</b> custom image with the name: {@link EnsureImageException.Reason#DUPLICATE_NAME},
 *       listing every id.
 *   <li><b>Concurrency, without a server-side lock.</b> After its create, a caller lists the name
 *       again. If more than one image carries it, the oldest (by {@code creationDate}, then {@code
 *       imageId}) wins: a caller whose own image is not the oldest deletes it and returns the oldest
 *       ({@link EnsureResult.Outcome#JOINED}). Given a list that shows every create completed before
 *       it (read-after-write), two callers that race end with one image and return the same one,
 *       since the later creator always sees the earlier image. Not guaranteed: when two images have
 *       the same {@code creationDate} and the earlier one's creator listed before the later create
 *       landed, both survive (the next call reports {@code DUPLICATE_NAME}); a caller that fails
 *       between its create and its delete leaves a duplicate; a third caller that lists in the
 *       middle of a race may see two images and fail with {@code DUPLICATE_NAME} (retry it);
 *       concurrent <em>replaces</em> of one name are not coordinated.
 * </ul>
 *
 * <h2>Progress</h2>
 *
 * {@link #awaitDownloaded(String, AwaitOptions)} polls like {@link ImagesPort#awaitDownloaded} and
 * calls the options' callback on every poll with the status, {@code uploadedSizeMb} and the elapsed
 * time. On {@code error} it throws {@link ImageDownloadFailedException} with the service's {@code
 * errorMessage}; when {@code ensureImage} ran a preflight, the exception also carries its findings.
 */
public final class ImageUploads {
  /** The most bytes of a source's body a preflight reads: 64 KiB. */
  public static final int READ_LIMIT = SourceProbe.READ_LIMIT;

  private final ImagesPort port;
  private final PreflightOptions preflightOptions;
  private final SourceProbe probe;
  private final DownloadWaiter waiter;
  private final Ensurer ensurer;

  private ImageUploads(Builder b) {
    this.port = b.port;
    this.preflightOptions = b.preflightOptions;
    this.probe = SourceProbe.system(b.preflightOptions);
    this.waiter = new DownloadWaiter(b.clock, b.sleeper, DownloadWaiter.DEFAULT_BACKOFF_BASE, DownloadWaiter.DEFAULT_BACKOFF_MULTIPLIER);
    this.ensurer = new Ensurer(port, waiter, this::preflight);
  }

  /**
   * The helper over a port, with default preflight options, on the system's monotonic time.
   *
   * @param port any port: a transport client, the testkit's fake
   * @return the helper
   */
  public static ImageUploads over(ImagesPort port) {
    return builder(port).build();
  }

  /**
   * A builder over a port.
   *
   * @param port any port
   * @return the builder
   */
  public static Builder builder(ImagesPort port) {
    return new Builder(port);
  }

  /**
   * Checks an image source, read-only; see the class documentation.
   *
   * @param url an http(s) URL of an {@code .iso} or {@code .qcow2} file, as {@link CreateCustomImage} takes
   * @return one finding per problem; never throws for a problem with the source
   * @throws io.github.contabo4j.images.InvalidRequestException for a malformed URL, before any I/O
   */
  public PreflightReport preflight(String url) {
    Checks.requireImageUrl("url", url);
    return Preflights.run(probe, port, url);
  }

  /**
   * Ensures an image with default options: no wait, no replace, no preflight.
   *
   * @param request the name, URL, OS type, version and description
   * @return what was done
   */
  public EnsureResult ensureImage(CreateCustomImage request) {
    return ensureImage(request, EnsureOptions.defaults());
  }

  /**
   * Makes sure a custom image named {@code request.name()} exists from {@code request.url()}; see the
   * class documentation for every case.
   *
   * @param request the name, URL, OS type, version and description
   * @param options wait, replace, preflight, URL comparison, progress
   * @return what was done and the image
   * @throws EnsureImageException for a duplicate name, too little storage for a replace, or a failed
   *     preflight; nothing was changed
   * @throws ImageDownloadFailedException if a wait (or a replace) saw status {@code error}; carries the
   *     preflight's findings when one ran
   * @throws io.github.contabo4j.images.ImagesException any failure of a port call
   */
  public EnsureResult ensureImage(CreateCustomImage request, EnsureOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    return ensurer.ensure(request, options);
  }

  /**
   * Waits until an image has downloaded, as {@link ImagesPort#awaitDownloaded} does (same schedule,
   * same exceptions), calling the progress callback on every poll.
   *
   * @param imageId the image
   * @param options the timeout and the callback
   * @return the image, status {@code downloaded}
   */
  public Image awaitDownloaded(String imageId, AwaitOptions options) {
    Objects.requireNonNull(options, "options == null");
    return waiter.await(port, imageId, options.timeout(), Ensurer.observer(options.progress()));
  }

  @Override
  public String toString() {
    return "ImageUploads{" + preflightOptions + "}";
  }

  /** Builds {@link ImageUploads}. */
  public static final class Builder {
    private final ImagesPort port;
    private PreflightOptions preflightOptions = PreflightOptions.defaults();
    private Clock clock = new MonotonicClock();
    private Sleeper sleeper = Sleeper.system();

    private Builder(ImagesPort port) {
      this.port = Objects.requireNonNull(port, "port == null");
    }

    /**
     * The preflight's HTTP settings.
     *
     * @param options the settings
     * @return this builder
     */
    public Builder preflightOptions(PreflightOptions options) {
      this.preflightOptions = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * The clock waits measure on; default: the system's monotonic time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * What waits between polls; default: really sleeps.
     *
     * @param sleeper the sleeper; tests pass one that advances a virtual clock
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Builds the helper. */
    public ImageUploads build() {
      return new ImageUploads(this);
    }
  }
}
