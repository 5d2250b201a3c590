package io.github.contabo4j.images.apiguard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

/**
 * The public API of one module, read from its class files (a directory or a jar) with ASM: every
 * type a caller outside the module can name (public, or protected and nested in such a type),
 * outside {@code internal} packages, with its supertypes and its public and protected fields,
 * constructors and methods (protected ones only where the type can be subclassed), in full generic
 * signatures, constant values included. Classes are parsed, never loaded, so a
 * module's optional dependencies need not be present. The text is sorted, so it only changes when
 * the API does.
 */
final class ApiListing {

  /** Each lookup root is read once per test run: every module's listing looks into all of them. */
  private static final Map<Path, Map<String, TypeInfo>> LOOKUP_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private ApiListing() {}

  /**
   * The listing of the classes under {@code classes} (a directory or a jar) whose internal name
   * starts with {@code prefix}. {@code lookup} (the other modules' classes) resolves supertypes
   * that are not API, such as an internal base class: the public and protected members a type
   * inherits through them are part of its API, so they are listed with the type, marked {@code //
   * via} that supertype.
   */
  static String of(Path classes, String prefix, Collection<Path> lookup) {
    Map<String, TypeInfo> types = new TreeMap<>();
    read(classes, prefix, types);
    Map<String, TypeInfo> all = new HashMap<>();
    for (Path other : lookup) {
      all.putAll(LOOKUP_CACHE.computeIfAbsent(other, path -> {
        Map<String, TypeInfo> read = new HashMap<>();
        read(path, "", read);
        return read;
      }));
    }
    all.putAll(types);
    StringBuilder out = new StringBuilder();
    for (TypeInfo type : types.values()) {
      if (isApi(type, all)) {
        out.append(type.render(all));
      }
    }
    return out.toString();
  }

  private static void read(Path classes, String prefix, Map<String, TypeInfo> types) {
    try {
      if (Files.isDirectory(classes)) {
        readTree(classes, prefix, types);
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(classes)) {
          readTree(jar.getPath("/"), prefix, types);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(classes.toString(), e);
    }
  }

  private static void readTree(Path root, String prefix, Map<String, TypeInfo> types) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (!name.endsWith(".class") || name.startsWith("META-INF/") || !name.startsWith(prefix)
            || name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          TypeInfo type = new TypeInfo();
          new ClassReader(in).accept(type, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
          types.put(type.name, type);
        }
      }
    }
  }

  private static boolean isApi(TypeInfo type, Map<String, TypeInfo> types) {
    if ((type.access & Opcodes.ACC_SYNTHETIC) != 0 || type.localOrAnonymous) {
      return false;
    }
    for (String segment : type.name.split("/")) {
      if (segment.equals("internal")) {
        return false;
      }
    }
    if (type.outer == null) {
      return (type.access & Opcodes.ACC_PUBLIC) != 0;
    }
    if ((type.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0) {
      return false;
    }
    TypeInfo outer = types.get(type.outer);
    return outer != null && isApi(outer, types)
        && ((type.access & Opcodes.ACC_PUBLIC) != 0 || (outer.access & Opcodes.ACC_FINAL) == 0);
  }

  private static boolean visible(int access) {
    return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0;
  }

  private static String modifiers(int access) {
    StringBuilder m = new StringBuilder();
    if ((access & Opcodes.ACC_DEPRECATED) != 0) {
      m.append("@Deprecated ");
    }
    m.append((access & Opcodes.ACC_PUBLIC) != 0 ? "public " : "protected ");
    if ((access & Opcodes.ACC_STATIC) != 0) {
      m.append("static ");
    }
    if ((access & Opcodes.ACC_FINAL) != 0) {
      m.append("final ");
    }
    return m.toString();
  }

  /** One class file: what the listing needs of it. */
  private static final class TypeInfo extends ClassVisitor {
    String name;
    int access;
    String outer;
    boolean localOrAnonymous;
    Signatures.ClassSig supertypes;
    final List<String> permits = new ArrayList<>();
    final List<String> recordComponents = new ArrayList<>();
    /** Member key (name, and parameter descriptor for methods) to its rendered line. */
    final Map<String, String> fields = new TreeMap<>();
    final List<String> constructors = new ArrayList<>();
    final Map<String, String> methods = new TreeMap<>();

    TypeInfo() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      this.name = name;
      this.access = access;
      this.supertypes = Signatures.classSignature(signature, superName, interfaces);
    }

    @Override
    public void visitInnerClass(String innerName, String outerName, String simpleName, int innerAccess) {
      if (innerName.equals(name)) {
        // The InnerClasses entry holds a nested type's real modifiers (protected, private, static).
        access = innerAccess | (access & Opcodes.ACC_DEPRECATED);
        outer = outerName;
        localOrAnonymous = outerName == null || simpleName == null;
      }
    }

    @Override
    public void visitOuterClass(String owner, String method, String descriptor) {
      localOrAnonymous = true;
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
      permits.add(Signatures.internalToSource(permittedSubclass));
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String component, String descriptor, String signature) {
      recordComponents.add(Signatures.fieldType(descriptor, signature) + " " + component);
      return null;
    }

    @Override
    public FieldVisitor visitField(int fieldAccess, String field, String descriptor, String signature, Object value) {
      if (visible(fieldAccess)) {
        String constant = value == null ? "" : " = " + (value instanceof String ? "\"" + value + "\"" : value);
        fields.put(field, modifiers(fieldAccess) + Signatures.fieldType(descriptor, signature) + " " + field + constant);
      }
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int methodAccess, String method, String descriptor, String signature, String[] exceptions) {
      if (!visible(methodAccess) || (methodAccess & Opcodes.ACC_BRIDGE) != 0 || method.equals("<clinit>")) {
        return null;
      }
      Signatures.MethodSig sig = Signatures.methodSignature(descriptor, signature, exceptions);
      List<String> params = new ArrayList<>(sig.parameters());
      if ((methodAccess & Opcodes.ACC_VARARGS) != 0 && !params.isEmpty()) {
        String last = params.remove(params.size() - 1);
        params.add(last.substring(0, last.length() - 2) + "...");
      }
      StringBuilder line = new StringBuilder(modifiers(methodAccess));
      boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
      if ((methodAccess & Opcodes.ACC_ABSTRACT) != 0) {
        line.append("abstract ");
      } else if (isInterface && (methodAccess & Opcodes.ACC_STATIC) == 0) {
        line.append("default ");
      }
      if ((methodAccess & Opcodes.ACC_SYNCHRONIZED) != 0) {
        line.append("synchronized ");
      }
      if (!sig.typeParameters().isEmpty()) {
        line.append(sig.typeParameters()).append(' ');
      }
      boolean constructor = method.equals("<init>");
      if (constructor) {
        line.append(simpleName());
      } else {
        line.append(sig.returnType()).append(' ').append(method);
      }
      line.append('(').append(String.join(", ", params)).append(')');
      if (!sig.exceptions().isEmpty()) {
        line.append(" throws ").append(String.join(", ", sig.exceptions()));
      }
      if (constructor) {
        constructors.add(line.toString());
      } else {
        methods.put(method + descriptor.substring(0, descriptor.indexOf(')') + 1), line.toString());
      }
      return null;
    }

    private String simpleName() {
      String source = Signatures.internalToSource(name);
      return source.substring(source.lastIndexOf('.') + 1);
    }

    String render(Map<String, TypeInfo> all) {
      StringBuilder header = new StringBuilder(modifiers(access));
      boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
      boolean isAnnotation = (access & Opcodes.ACC_ANNOTATION) != 0;
      boolean isEnum = (access & Opcodes.ACC_ENUM) != 0;
      boolean isRecord = (access & Opcodes.ACC_RECORD) != 0 || "java/lang/Record".equals(superName());
      if ((access & Opcodes.ACC_ABSTRACT) != 0 && !isInterface && !isEnum) {
        header.append("abstract ");
      }
      if (isEnum) {
        permits.clear(); // an enum with constant bodies is implicitly sealed to them: not API
      }
      if (!permits.isEmpty()) {
        header.append("sealed ");
      }
      header.append(isAnnotation ? "@interface " : isInterface ? "interface " : isEnum ? "enum " : isRecord ? "record " : "class ");
      header.append(Signatures.internalToSource(name)).append(supertypes.typeParameters());
      if (isRecord) {
        header.append('(').append(String.join(", ", recordComponents)).append(')');
      }
      String superclass = supertypes.superclass();
      if (!isInterface && !isEnum && !isRecord && superclass != null && !superclass.equals("java.lang.Object")) {
        header.append(" extends ").append(superclass);
      }
      List<String> interfaces = new ArrayList<>(supertypes.interfaces());
      if (isAnnotation) {
        interfaces.remove("java.lang.annotation.Annotation");
      }
      if (!interfaces.isEmpty()) {
        header.append(isInterface ? " extends " : " implements ").append(String.join(", ", interfaces));
      }
      if (!permits.isEmpty()) {
        permits.sort(null);
        header.append(" permits ").append(String.join(", ", permits));
      }
      StringBuilder out = new StringBuilder(header).append('\n');
      List<String> lines = new ArrayList<>(fields.values());
      List<String> ctors = new ArrayList<>(constructors);
      ctors.sort(null);
      lines.addAll(ctors);
      lines.addAll(methods.values());
      lines.addAll(inheritedThroughNonApiSupertypes(all));
      if ((access & Opcodes.ACC_FINAL) != 0) {
        // No subclass outside the package can exist, so protected members are not API.
        lines.removeIf(line -> line.startsWith("protected ") || line.startsWith("@Deprecated protected "));
      }
      for (String line : lines) {
        out.append("  ").append(line).append('\n');
      }
      return out.append('\n').toString();
    }

    /**
     * Members a caller reaches through this type although they are declared in a supertype that is
     * not API itself (internal or not public): listed with this type, type variables substituted.
     */
    private List<String> inheritedThroughNonApiSupertypes(Map<String, TypeInfo> all) {
      List<String> out = new ArrayList<>();
      Set<String> seen = new HashSet<>(fields.keySet());
      seen.addAll(methods.keySet());
      List<String> pending = new ArrayList<>();
      pending.add(supertypes.superclass());
      pending.addAll(supertypes.interfaces());
      Set<String> visited = new HashSet<>();
      while (!pending.isEmpty()) {
        String rendered = pending.remove(0);
        if (rendered == null) {
          continue;
        }
        String raw = rendered.contains("<") ? rendered.substring(0, rendered.indexOf('<')) : rendered;
        TypeInfo superType = byName(all, raw);
        if (superType == null || isApi(superType, all) || !visited.add(raw)) {
          continue;
        }
        Map<String, String> local = new LinkedHashMap<>();
        List<String> args = Signatures.typeArguments(rendered);
        List<String> names = superType.supertypes.typeParameterNames();
        for (int k = 0; k < names.size() && k < args.size(); k++) {
          local.put(names.get(k), args.get(k));
        }
        for (Map<String, String> members : List.of(superType.fields, superType.methods)) {
          for (Map.Entry<String, String> member : members.entrySet()) {
            if (seen.add(member.getKey())) {
              out.add(Signatures.substitute(member.getValue(), local) + "  // via " + raw);
            }
          }
        }
        pending.add(Signatures.substitute(String.valueOf(superType.supertypes.superclass()), local));
        for (String itf : superType.supertypes.interfaces()) {
          pending.add(Signatures.substitute(itf, local));
        }
      }
      return out;
    }

    private static TypeInfo byName(Map<String, TypeInfo> all, String sourceName) {
      for (TypeInfo candidate : all.values()) {
        if (Signatures.internalToSource(candidate.name).equals(sourceName)) {
          return candidate;
        }
      }
      return null;
    }

    private String superName() {
      return supertypes.superclass() == null ? null : supertypes.superclass().replace('.', '/');
    }
  }
}
