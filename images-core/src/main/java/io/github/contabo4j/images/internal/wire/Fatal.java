package io.github.contabo4j.images.internal.wire;

/**
 * Keeps a JVM error an error. Some HTTP clients wrap what fails inside them, an {@link
 * OutOfMemoryError} included, in an {@code IOException}; turned into an {@code ImagesException} it
 * would be retried, or reconciled as a create that may have been applied. It is never caught.
 */
public final class Fatal {
  private Fatal() {}

  /**
   * Rethrows the first {@link VirtualMachineError} (e.g. {@link OutOfMemoryError}) in the cause
   * chain, as it is; returns otherwise.
   *
   * @param thrown what a client threw
   */
  public static void rethrowVirtualMachineError(Throwable thrown) {
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof VirtualMachineError) {
        throw (VirtualMachineError) c;
      }
    }
  }
}
