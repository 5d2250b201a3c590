package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.upload.EnsureImageException;
import io.github.contabo4j.images.upload.EnsureOptions;
import io.github.contabo4j.images.upload.EnsureResult;
import io.github.contabo4j.images.upload.ImageUploads;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The README's "Uploading an image, the safe way", compiled and tested: check the source, ensure one
 * image of that name from that URL, wait with progress, replace an image from an older URL only when
 * the new one has downloaded.
 */
public final class SafeUpload {
  private SafeUpload() {}

  /**
   * Ensures the image "web-base" from {@code url} and prints what happened; the body between the
   * markers is the README's snippet, word for word.
   *
   * @param uploads {@code ImageUploads.over(client)} in an application
   * @param url the image's URL, e.g. a presigned object-storage URL
   * @param out where progress and the outcome go
   */
  public static void webBase(ImageUploads uploads, String url, PrintStream out) {
    // README snippet start
    CreateCustomImage image = CreateCustomImage.of("web-base", url, OsType.LINUX, "24.04");
    EnsureOptions options = EnsureOptions.builder()
        .preflight(true)                                  // check the source before a download is spent
        .replaceWhenUrlDiffers(true)                      // new URL: create, wait, delete the old, rename
        .waitUntilDownloaded(Duration.ofMinutes(30))
        .onProgress(p -> out.println(p.status() + ": " + p.uploadedSizeMb() + " MB after " + p.elapsed()))
        .build();
    try {
      EnsureResult result = uploads.ensureImage(image, options);
      out.println(result.describe());                     // CREATED, EXISTS, REPLACED, ... (no query strings)
    } catch (EnsureImageException e) {                    // duplicate name, quota, or the preflight said no
      out.println(e.reason() + ": " + e.getMessage());
    } catch (ImageDownloadFailedException e) {            // Contabo could not use the file
      out.println(e.errorMessage() + " " + e.preflightFindings());
    }
    // README snippet end
  }
}
