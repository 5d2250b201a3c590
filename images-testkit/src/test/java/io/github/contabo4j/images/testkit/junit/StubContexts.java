package io.github.contabo4j.images.testkit.junit;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Hand-made JUnit contexts, so that misuse the engine would report as a failed test (a wrong
 * parameter, two tests at once) can be driven directly and its error asserted. Only the methods the
 * extension calls are answered.
 */
final class StubContexts {
  private StubContexts() {}

  /** A context of one test method (or of a class when {@code testMethod} is null) with its own store. */
  static ExtensionContext test(Method testMethod) {
    return context(Optional.ofNullable(testMethod));
  }

  /** A class-level context, as JUnit gives to constructors and {@code @BeforeAll} methods. */
  static ExtensionContext classLevel() {
    return context(Optional.empty());
  }

  /** A parameter context for parameter {@code index} of {@code executable}. */
  static ParameterContext parameter(Executable executable, int index) {
    Parameter parameter = executable.getParameters()[index];
    return (ParameterContext) Proxy.newProxyInstance(StubContexts.class.getClassLoader(),
        new Class<?>[] {ParameterContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getParameter" -> parameter;
          case "getIndex" -> index;
          case "getDeclaringExecutable" -> executable;
          case "toString" -> "ParameterContext[" + parameter + "]";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static ExtensionContext context(Optional<Method> testMethod) {
    Map<Object, ExtensionContext.Store> stores = new HashMap<>();
    return (ExtensionContext) Proxy.newProxyInstance(StubContexts.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getTestMethod" -> testMethod;
          case "getStore" -> stores.computeIfAbsent(args[0], namespace -> store());
          case "toString" -> "ExtensionContext[" + testMethod + "]";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static ExtensionContext.Store store() {
    Map<Object, Object> values = new HashMap<>();
    return (ExtensionContext.Store) Proxy.newProxyInstance(StubContexts.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.Store.class}, (proxy, method, args) -> switch (method.getName()) {
          case "get" -> values.get(args[0]);
          case "put" -> values.put(args[0], args[1]);
          case "remove" -> values.remove(args[0]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
