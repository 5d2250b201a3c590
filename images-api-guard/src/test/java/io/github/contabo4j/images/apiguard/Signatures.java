package io.github.contabo4j.images.apiguard;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders JVM descriptors and generic signatures (JVMS 4.7.9.1) as Java source text: {@code
 * Ljava/util/List<+TT;>;} becomes {@code java.util.List<? extends T>}. Nested class names use
 * {@code .}, as in source.
 */
final class Signatures {

  private final String s;
  private int i;
  private final List<String> typeParameterNames = new ArrayList<>();

  private Signatures(String s) {
    this.s = s;
  }

  /** A field's type, from its signature when it has one, else its descriptor. */
  static String fieldType(String descriptor, String signature) {
    Signatures p = new Signatures(signature != null ? signature : descriptor);
    return p.javaType();
  }

  /** A class's type parameters and supertypes, parsed from its signature. */
  record ClassSig(String typeParameters, List<String> typeParameterNames, String superclass, List<String> interfaces) {}

  static ClassSig classSignature(String signature, String superName, String[] interfaces) {
    if (signature == null) {
      List<String> names = new ArrayList<>();
      for (String itf : interfaces) {
        names.add(internalToSource(itf));
      }
      return new ClassSig("", List.of(), superName == null ? null : internalToSource(superName), names);
    }
    Signatures p = new Signatures(signature);
    String typeParameters = p.typeParameters();
    String superclass = p.referenceType();
    List<String> names = new ArrayList<>();
    while (p.i < p.s.length()) {
      names.add(p.referenceType());
    }
    return new ClassSig(typeParameters, List.copyOf(p.typeParameterNames), superclass, names);
  }

  /** A method's parts, parsed from its signature when it has one, else its descriptor. */
  record MethodSig(String typeParameters, List<String> parameters, String returnType, List<String> exceptions) {}

  static MethodSig methodSignature(String descriptor, String signature, String[] exceptions) {
    Signatures p = new Signatures(signature != null ? signature : descriptor);
    String typeParameters = p.typeParameters();
    p.expect('(');
    List<String> parameters = new ArrayList<>();
    while (p.peek() != ')') {
      parameters.add(p.javaType());
    }
    p.expect(')');
    String returnType = p.javaType();
    List<String> thrown = new ArrayList<>();
    while (p.i < p.s.length()) {
      p.expect('^');
      thrown.add(p.referenceType());
    }
    if (thrown.isEmpty() && exceptions != null) {
      for (String e : exceptions) {
        thrown.add(internalToSource(e));
      }
    }
    return new MethodSig(typeParameters, parameters, returnType, thrown);
  }

  /** {@code java/util/Map$Entry} to {@code java.util.Map.Entry}. */
  static String internalToSource(String internalName) {
    return internalName.replace('/', '.').replace('$', '.');
  }

  /** The type arguments of a rendered type's last type-argument list: {@code a.B<x.C, y.D<E>>} gives [x.C, y.D<E>]. */
  static List<String> typeArguments(String rendered) {
    List<String> args = new ArrayList<>();
    if (rendered == null || !rendered.endsWith(">")) {
      return args;
    }
    int depth = 0;
    int start = -1;
    for (int k = rendered.length() - 1; k >= 0; k--) {
      char c = rendered.charAt(k);
      if (c == '>') {
        depth++;
      } else if (c == '<') {
        depth--;
        if (depth == 0) {
          start = k;
          break;
        }
      }
    }
    depth = 0;
    int from = start + 1;
    for (int k = start + 1; k < rendered.length() - 1; k++) {
      char c = rendered.charAt(k);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(rendered.substring(from, k).trim());
        from = k + 1;
      }
    }
    args.add(rendered.substring(from, rendered.length() - 1).trim());
    return args;
  }

  /** {@code text} with each type variable (a whole identifier not after a dot) replaced by its value. */
  static String substitute(String text, java.util.Map<String, String> values) {
    String out = text;
    for (java.util.Map.Entry<String, String> e : values.entrySet()) {
      out = out.replaceAll("(?<![\\w.$])" + java.util.regex.Pattern.quote(e.getKey()) + "(?![\\w$])",
          java.util.regex.Matcher.quoteReplacement(e.getValue()));
    }
    return out;
  }

  private char peek() {
    return s.charAt(i);
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
    }
    i++;
  }

  private String typeParameters() {
    if (i >= s.length() || peek() != '<') {
      return "";
    }
    expect('<');
    List<String> params = new ArrayList<>();
    while (peek() != '>') {
      int colon = s.indexOf(':', i);
      String name = s.substring(i, colon);
      typeParameterNames.add(name);
      i = colon;
      List<String> bounds = new ArrayList<>();
      while (peek() == ':') {
        i++;
        if (peek() != ':') { // "T::..." has an empty class bound and an interface bound
          bounds.add(referenceType());
        }
      }
      bounds.remove("java.lang.Object");
      params.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
    }
    expect('>');
    return "<" + String.join(", ", params) + ">";
  }

  private String javaType() {
    char c = s.charAt(i++);
    switch (c) {
      case 'B': return "byte";
      case 'C': return "char";
      case 'D': return "double";
      case 'F': return "float";
      case 'I': return "int";
      case 'J': return "long";
      case 'S': return "short";
      case 'Z': return "boolean";
      case 'V': return "void";
      default:
        i--;
        return referenceType();
    }
  }

  private String referenceType() {
    char c = s.charAt(i);
    if (c == '[') {
      i++;
      return javaType() + "[]";
    }
    if (c == 'T') {
      int semi = s.indexOf(';', i);
      String name = s.substring(i + 1, semi);
      i = semi + 1;
      return name;
    }
    expect('L');
    StringBuilder out = new StringBuilder();
    while (true) {
      int start = i;
      while (s.charAt(i) != '<' && s.charAt(i) != ';' && s.charAt(i) != '.') {
        i++;
      }
      out.append(internalToSource(s.substring(start, i)));
      if (peek() == '<') {
        i++;
        List<String> args = new ArrayList<>();
        while (peek() != '>') {
          char w = peek();
          if (w == '*') {
            i++;
            args.add("?");
          } else if (w == '+') {
            i++;
            args.add("? extends " + referenceType());
          } else if (w == '-') {
            i++;
            args.add("? super " + referenceType());
          } else {
            args.add(referenceType());
          }
        }
        i++;
        out.append('<').append(String.join(", ", args)).append('>');
      }
      if (peek() == '.') {
        i++;
        out.append('.');
        continue;
      }
      expect(';');
      return out.toString();
    }
  }
}
