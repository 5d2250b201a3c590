package io.github.contabo4j.images.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * On a Spring test class: the client bean talks to the testkit's fake Contabo API instead of the
 * real one ({@code contabo.images.fake=true}), so the test needs no Contabo account. Needs {@code
 * io.github.contabo4j:images-testkit} on the test classpath; inject {@link ContaboImagesFake} to
 * seed it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureContaboImagesFake
 * class ImageJanitorTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "contabo.images.fake=true")
public @interface AutoConfigureContaboImagesFake {}
