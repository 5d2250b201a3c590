package io.github.contabo4j.images;

import org.jspecify.annotations.Nullable;

/**
 * A tag assigned to an image (spec: {@code AssignedTagResponse}).
 *
 * @param tagId the tag's id
 * @param tagName the tag's name, if the service sent one
 */
public record ImageTag(long tagId, @Nullable String tagName) {}
