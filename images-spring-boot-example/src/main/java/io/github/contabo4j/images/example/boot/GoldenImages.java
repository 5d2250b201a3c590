package io.github.contabo4j.images.example.boot;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import java.util.List;
import org.springframework.stereotype.Service;

/** Lists, uploads and retires custom images through the auto-configured {@link ImagesPort}. */
@Service
public class GoldenImages {
  private final ImagesPort images;

  public GoldenImages(ImagesPort images) {
    this.images = images;
  }

  /** The custom images, by name. */
  public List<String> customImageNames() {
    return images.streamImages(ImageListQuery.builder().standardImage(false).build()).map(Image::name).toList();
  }

  /** Uploads a Linux image from a URL; returns its id. */
  public String upload(String name, String url, String version) {
    return images.createCustomImage(CreateCustomImage.of(name, url, OsType.LINUX, version)).imageId();
  }

  /** Deletes an image. */
  public void retire(String imageId) {
    images.deleteImage(imageId);
  }
}
