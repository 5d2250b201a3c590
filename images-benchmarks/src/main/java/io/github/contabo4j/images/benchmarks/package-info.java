/**
 * JMH benchmarks of the client against the raw {@code java.net.http} + Jackson floor, the fake, and
 * (with {@code -Pgenerated}) an openapi-generator client. Not API and not published; see {@code
 * docs/PERFORMANCE.md}.
 */
@NullMarked
package io.github.contabo4j.images.benchmarks;

import org.jspecify.annotations.NullMarked;
