package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The standard images a fresh fake holds: several Linux distributions and Windows Server. */
final class StandardCatalogue {
  private StandardCatalogue() {}

  private record Entry(String name, String description, OsType osType, String version, long sizeMb, String released) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry("ubuntu-20.04", "Ubuntu 20.04 LTS (Focal Fossa)", OsType.LINUX, "20.04", 2252, "2020-04-23T00:00:00Z"),
      new Entry("ubuntu-22.04", "Ubuntu 22.04 LTS (Jammy Jellyfish)", OsType.LINUX, "22.04", 2356, "2022-04-21T00:00:00Z"),
      new Entry("ubuntu-24.04", "Ubuntu 24.04 LTS (Noble Numbat)", OsType.LINUX, "24.04", 2484, "2024-04-25T00:00:00Z"),
      new Entry("debian-11", "Debian 11 (bullseye)", OsType.LINUX, "11", 1843, "2021-08-14T00:00:00Z"),
      new Entry("debian-12", "Debian 12 (bookworm)", OsType.LINUX, "12", 1912, "2023-06-10T00:00:00Z"),
      new Entry("rockylinux-8", "Rocky Linux 8", OsType.LINUX, "8", 2048, "2021-06-21T00:00:00Z"),
      new Entry("rockylinux-9", "Rocky Linux 9", OsType.LINUX, "9", 2150, "2022-07-14T00:00:00Z"),
      new Entry("almalinux-8", "AlmaLinux 8", OsType.LINUX, "8", 2030, "2021-03-30T00:00:00Z"),
      new Entry("almalinux-9", "AlmaLinux 9", OsType.LINUX, "9", 2120, "2022-05-26T00:00:00Z"),
      new Entry("centos-7", "CentOS 7", OsType.LINUX, "7", 1740, "2014-07-07T00:00:00Z"),
      new Entry("fedora-40", "Fedora 40 Server", OsType.LINUX, "40", 2390, "2024-04-23T00:00:00Z"),
      new Entry("opensuse-leap-15.6", "openSUSE Leap 15.6", OsType.LINUX, "15.6", 2210, "2024-06-12T00:00:00Z"),
      new Entry("windows-server-2019-standard", "Windows Server 2019 Standard", OsType.WINDOWS, "2019", 12288, "2018-11-13T00:00:00Z"),
      new Entry("windows-server-2022-standard", "Windows Server 2022 Standard", OsType.WINDOWS, "2022", 13312, "2021-08-18T00:00:00Z"),
      new Entry("windows-server-2022-datacenter", "Windows Server 2022 Datacenter", OsType.WINDOWS, "2022", 13824, "2021-08-18T00:00:00Z"));

  /** The catalogue for an account. */
  static List<Image> images(TenantId tenantId, String customerId) {
    List<Image> images = new ArrayList<>(ENTRIES.size());
    for (Entry e : ENTRIES) {
      images.add(standardImage(e.name, e.description, e.osType, e.version, e.sizeMb, Instant.parse(e.released),
          tenantId, customerId));
    }
    return images;
  }

  /** A standard image: downloaded, no URL, a stable id derived from its name. */
  static Image standardImage(String name, String description, OsType osType, String version, long sizeMb,
      Instant created, TenantId tenantId, String customerId) {
    return Image.builder()
        .imageId(idFor(name))
        .tenantId(tenantId)
        .customerId(customerId)
        .name(name)
        .description(description)
        .url("")
        .sizeMb(sizeMb)
        .uploadedSizeMb(sizeMb)
        .osType(osType)
        .version(version)
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADED)
        .errorMessage("")
        .standardImage(true)
        .creationDate(created)
        .lastModifiedDate(created)
        .build();
  }

  /** The stable id of a standard image: a name-based UUID, the same in every run. */
  static String idFor(String name) {
    return UUID.nameUUIDFromBytes(("contabo4j-standard-image:" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
