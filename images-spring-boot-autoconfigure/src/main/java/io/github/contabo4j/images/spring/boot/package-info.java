/**
 * Spring Boot 4.0 auto-configuration of the Contabo Images client: {@link
 * io.github.contabo4j.images.spring.boot.ContaboImagesAutoConfiguration} (the client bean from
 * {@link io.github.contabo4j.images.spring.boot.ContaboImagesProperties}), the optional health
 * indicator, and the fake for Spring tests.
 */
@NullMarked
package io.github.contabo4j.images.spring.boot;

import org.jspecify.annotations.NullMarked;
