package io.github.contabo4j.images;

import org.jspecify.annotations.Nullable;

/**
 * Custom-image storage statistics (spec: {@code CustomImagesStatsResponseData}).
 *
 * @param tenantId the tenant
 * @param customerId the customer
 * @param currentImagesCount how many custom images exist
 * @param totalSizeMb the storage quota in MB
 * @param usedSizeMb the storage used in MB
 * @param freeSizeMb the storage left in MB
 */
public record ImageStats(
    @Nullable TenantId tenantId,
    @Nullable String customerId,
    long currentImagesCount,
    long totalSizeMb,
    long usedSizeMb,
    long freeSizeMb) {}
