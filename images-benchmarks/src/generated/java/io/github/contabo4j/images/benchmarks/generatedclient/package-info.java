/**
 * The adapter that puts the openapi-generator client (generated at build time with {@code
 * -Pgenerated}, never committed) behind the benchmarks' contender interface. Not API.
 */
@NullMarked
package io.github.contabo4j.images.benchmarks.generatedclient;

import org.jspecify.annotations.NullMarked;
