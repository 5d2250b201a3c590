package io.github.contabo4j.images.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot service that keeps a set of golden custom images; the client bean comes from the starter. */
@SpringBootApplication
public class ImagesExampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(ImagesExampleApplication.class, args);
  }
}
