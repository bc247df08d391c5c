package org.automlzero.program;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.program.OpSpellings.Reading;
import org.automlzero.program.TextLexer.Token;
import org.automlzero.program.TextLexer.Type;

/**
 * Reads the text form (see {@link ProgramText} for what it accepts). The grammar is line based and
 * flat, so the parser needs no recursion. Every failure is a {@link ProgramParseException}.
 *
 * <p>Mutable: one instance reads one text, then is dropped; {@link ProgramText} makes a new one per
 * call.
 */
final class TextParser {
  private static final String[] TITLES = {"Setup", "Predict", "Learn"};
  private static final String BINARY_OPERATORS = "+-*/@";
  private static final String ADDRESS = "an address such as s1, v2 or m0";

  /** A written address: its kind, number and token. */
  private record Address(Kind kind, int index, Token token) {}

  /** A written number: its first token (the sign, if any) and its value in both precisions. */
  private record Num(Token token, String text, double value, float floatValue, boolean literal) {}

  /** One argument of a call: exactly one of address, number, or a shape (address and number null). */
  private record Arg(Token token, Address address, Num number) {}

  /** Checks addresses against this space when not null. */
  private final AddressSpace space;
  private int lineNumber;
  private List<Token> tokens = List.of();
  private int pos;

  TextParser(AddressSpace space) {
    this.space = space;
  }

  /** Reads a whole program. */
  Algorithm algorithm(String text) {
    try {
      return readAlgorithm(text);
    } catch (ProgramParseException e) {
      throw e;
    } catch (RuntimeException e) {
      // A safety net: a bug here must still surface as the one documented exception type.
      throw new ProgramParseException(lineNumber, 1, "", "text the parser can read (internal error: " + e + ")");
    }
  }

  /** Reads one instruction on one line; blank and comment lines around it are allowed. */
  Instruction instruction(String text) {
    try {
      return readInstruction(text);
    } catch (ProgramParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProgramParseException(lineNumber, 1, "", "text the parser can read (internal error: " + e + ")");
    }
  }

  private Algorithm readAlgorithm(String text) {
    List<List<Instruction>> functions = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int current = -1;
    String headerIndent = null;
    String bodyIndent = null;
    int bodyIndentLine = 0;
    List<String> lines = lines(text);
    for (int l = 0; l < lines.size(); l++) {
      lineNumber = l + 1;
      String line = lines.get(l);
      int indentEnd = indentEnd(line);
      startLine(line, indentEnd);
      Token first = peek();
      if (first.type() == Type.END) {
        continue;
      }
      String indent = line.substring(0, indentEnd);
      if (first.isName("def")) {
        int function = header(current);
        if (headerIndent == null) {
          headerIndent = indent;
        } else if (!indent.equals(headerIndent)) {
          throw error(first, "'def' indented like the first 'def' line (" + describe(headerIndent) + ")");
        }
        current = function;
        bodyIndent = null;
        continue;
      }
      if (current < 0) {
        throw error(first, "a header such as 'def Setup():' before the first instruction");
      }
      if (indent.length() <= headerIndent.length() || !indent.startsWith(headerIndent)) {
        throw error(first, "an instruction indented deeper than its 'def' line, or a 'def' line");
      }
      if (bodyIndent == null) {
        bodyIndent = indent;
        bodyIndentLine = lineNumber;
      } else if (!indent.equals(bodyIndent)) {
        throw error(first, "the same indentation as line " + bodyIndentLine + " (" + describe(bodyIndent) + ")");
      }
      functions.get(current).add(statement());
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  private Instruction readInstruction(String text) {
    Instruction result = null;
    List<String> lines = lines(text);
    for (int l = 0; l < lines.size(); l++) {
      lineNumber = l + 1;
      String line = lines.get(l);
      startLine(line, indentEnd(line));
      Token first = peek();
      if (first.type() == Type.END) {
        continue;
      }
      if (result != null) {
        throw error(first, "nothing after the instruction on line " + resultLine(lines, l));
      }
      if (first.isName("def")) {
        throw error(first, "an instruction such as 's1 = dot(v1, v0)'");
      }
      result = statement();
    }
    if (result == null) {
      lineNumber = Math.max(1, lines.size());
      throw new ProgramParseException(lineNumber, 1, ProgramParseException.END_OF_LINE,
          "an instruction such as 's1 = dot(v1, v0)'");
    }
    return result;
  }

  private int resultLine(List<String> lines, int before) {
    for (int l = 0; l < before; l++) {
      List<Token> t = TextLexer.tokens(lines.get(l), 0, 1);
      if (t.get(0).type() != Type.END) {
        return l + 1;
      }
    }
    return 1;
  }

  // ---------------------------------------------------------------- lines and headers

  /** Splits at \n, \r\n and \r; a leading byte order mark is dropped. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(Math.min(start, n)));
    return lines;
  }

  private static int indentEnd(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String describe(String indent) {
    if (indent.isEmpty()) {
      return "none";
    }
    return indent.indexOf('\t') < 0 ? indent.length() + " spaces" : "'" + indent.replace("\t", "\\t") + "'";
  }

  private void startLine(String line, int indentEnd) {
    tokens = TextLexer.tokens(line, indentEnd, indentEnd + 1);
    pos = 0;
  }

  /** {@code def Name(params):}; returns the function index, which must come after {@code current}. */
  private int header(int current) {
    next(); // def
    Token name = next();
    int function = -1;
    for (int f = 0; f < TITLES.length; f++) {
      if (name.isName(TITLES[f])) {
        function = f;
      }
    }
    if (function < 0 || function <= current) {
      throw error(name, remainingTitles(current));
    }
    expect("(", "'(' as in 'def " + name.text() + "():'");
    skipListAfterOpening(false, "a parameter name such as v0 or s0");
    expect(":", "':'");
    expectEnd();
    return function;
  }

  private static String remainingTitles(int current) {
    if (current >= TITLES.length - 1) {
      return "no further function after Learn";
    }
    StringBuilder b = new StringBuilder();
    for (int f = current + 1; f < TITLES.length; f++) {
      if (b.length() > 0) {
        b.append(f == TITLES.length - 1 ? " or " : ", ");
      }
      b.append(TITLES[f]);
    }
    return b + (current >= 0 ? " (functions come in the order Setup, Predict, Learn, each at most once)" : "");
  }

  // ---------------------------------------------------------------- statements

  private Instruction statement() {
    Token first = next();
    if (first.type() == Type.NAME && OpSpellings.NO_OP_NAMES.contains(first.text())) {
      if (peek().is("(")) {
        next();
        expect(")", "')'");
      }
      expectEnd();
      return Instruction.noOp();
    }
    Address target = address(first);
    if (target == null) {
      throw error(first, "an instruction such as 's1 = dot(v1, v0)', or " + ADDRESS);
    }
    if (peek().is("[")) {
      return constantEntry(target);
    }
    expect("=", "'='");
    Token start = peek();
    if (startsNumber(start)) {
      Num number = signedNumber();
      if (peek().is("/")) {
        next();
        if (number.value() != 1.0) {
          throw error(number.token(), "1, as in 's1 = 1 / s2' (the reciprocal)");
        }
        Address operand = expectAddress();
        expectEnd();
        return resolve(target, "reciprocal", number.token(), "1 / " + operand.token().text(), List.of(operand),
            OpSpellings.NO_AXIS);
      }
      expectEnd();
      if (target.kind() != Kind.SCALAR) {
        throw error(start, "an expression; only a scalar takes a bare constant (write "
            + (target.kind() == Kind.VECTOR ? target.token().text() + "[0.5] = ..." : target.token().text()
            + "[0.25, 0.75] = ...") + " to set one entry)");
      }
      double value = doubleValue(number);
      return check(Instruction.scalarConst(target.index(), value), target, List.of());
    }
    if (start.type() != Type.NAME) {
      throw error(start, "an address, a number or an op such as " + String.join(", ", OpSpellings.EXAMPLES));
    }
    Token name = next();
    Address left = address(name);
    if (left != null) {
      Token operator = next();
      if (operator.type() == Type.SYMBOL && BINARY_OPERATORS.contains(operator.text())) {
        Address right = expectAddress();
        expectEnd();
        return resolve(target, operator.text(), name,
            left.token().text() + " " + operator.text() + " " + right.token().text(), List.of(left, right),
            OpSpellings.NO_AXIS);
      }
      throw error(operator, "an operator +, -, *, / or @"
          + (operator.type() == Type.END ? " (there is no copy instruction)" : ""));
    }
    if (name.text().endsWith(".T")) {
      Address transposed = address(name.text().substring(0, name.text().length() - 2), name);
      if (transposed != null) {
        expectEnd();
        return resolve(target, "transpose", name, name.text(), List.of(transposed), OpSpellings.NO_AXIS);
      }
    }
    return call(target, name);
  }

  /** {@code v1[0.3] = 0.5} or {@code m0[0.25, 0.75] = -0.5} (also {@code m0[0.25][0.75]}). */
  private Instruction constantEntry(Address target) {
    Token open = next();
    if (target.kind() == Kind.SCALAR) {
      throw error(open, "'=' (a scalar has no entries)");
    }
    Num row = signedNumber();
    Num column = null;
    if (target.kind() == Kind.MATRIX) {
      Token separator = next();
      if (separator.is("]")) {
        expect("[", "a second index, as in " + target.token().text() + "[0.25, 0.75]");
      } else if (!separator.is(",")) {
        throw error(separator, "',' and a second index, as in " + target.token().text() + "[0.25, 0.75]");
      }
      column = signedNumber();
    }
    expect("]", target.kind() == Kind.VECTOR ? "']' (a vector takes one index)" : "']'");
    expect("=", "'='");
    Num value = signedNumber();
    expectEnd();
    float rowFraction = fraction(row);
    float valueFloat = floatValue(value);
    Instruction instruction;
    if (target.kind() == Kind.VECTOR) {
      instruction = Instruction.vectorConst(target.index(), rowFraction, valueFloat);
    } else {
      instruction = Instruction.matrixConst(target.index(), rowFraction, fraction(column), valueFloat);
    }
    return check(instruction, target, List.of());
  }

  /** {@code name(args)}, with {@code name} already read. */
  private Instruction call(Address target, Token nameToken) {
    String name = bareName(nameToken.text());
    boolean random = name != null && OpSpellings.RANDOM_NAMES.contains(name);
    if (name == null || !(random || !OpSpellings.readings(name).isEmpty())) {
      throw error(nameToken, "an op such as " + suggestions(nameToken.text()));
    }
    expect("(", "'(' after " + nameToken.text());
    List<Arg> args = new ArrayList<>();
    int axis = OpSpellings.NO_AXIS;
    Token axisToken = null;
    if (peek().is(")")) {
      next();
    } else {
      while (true) {
        Token a = peek();
        if (a.type() == Type.NAME && tokens.get(pos + 1).is("=")) {
          next();
          next();
          switch (a.text()) {
            case "axis" -> {
              axisToken = peek();
              axis = axisValue();
            }
            case "size", "shape" -> {
              Token shape = peek();
              skipShape();
              args.add(new Arg(shape, null, null));
            }
            default -> throw error(a, "a keyword argument axis, size or shape");
          }
        } else if (a.type() == Type.NAME && address(a) != null) {
          next();
          args.add(new Arg(a, address(a), null));
        } else if (startsNumber(a)) {
          Num number = signedNumber();
          args.add(new Arg(number.token(), null, number));
        } else if (a.type() == Type.NAME || a.is("(")) {
          skipShape();
          args.add(new Arg(a, null, null));
        } else {
          throw error(a, "an argument: " + ADDRESS + ", a number, or a shape such as n_features");
        }
        Token after = next();
        if (after.is(")")) {
          break;
        }
        if (!after.is(",")) {
          throw error(after, "',' or ')'");
        }
        if (peek().is(")")) {
          next();
          break;
        }
      }
    }
    expectEnd();
    if (random) {
      return randomSet(target, name, nameToken, args, axisToken);
    }
    List<Address> operands = new ArrayList<>();
    List<Num> numbers = new ArrayList<>();
    for (Arg arg : args) {
      if (arg.address() != null) {
        operands.add(arg.address());
      } else if (arg.number() != null) {
        numbers.add(arg.number());
      } else {
        throw error(arg.token(), ADDRESS + " (only gaussian and uniform take a shape)");
      }
    }
    String written = written(nameToken.text(), args, axis);
    boolean maxName = name.equals("max") || name.equals("maximum");
    if (maxName && operands.size() == 1 && numbers.size() == 1 && args.size() == 2) {
      // np.maximum(v, 0) and np.maximum(0, v): the paper's ReLU.
      if (numbers.get(0).value() != 0.0) {
        throw error(numbers.get(0).token(), "0, as in np.maximum(v1, 0) (ReLU), or " + ADDRESS);
      }
      if (axisToken != null) {
        throw error(axisToken, "no axis for " + nameToken.text());
      }
      return resolve(target, "relu", nameToken, written, operands, OpSpellings.NO_AXIS);
    }
    if (name.equals("heaviside") && numbers.size() == 1 && args.size() == 2 && args.get(1).number() != null) {
      // np.heaviside(x, h): the value at 0 is fixed by the op (scalar 1, vector and matrix 0), h is ignored.
      numbers.clear();
    }
    if (!numbers.isEmpty()) {
      throw error(numbers.get(0).token(), ADDRESS);
    }
    if (operands.isEmpty() || operands.size() > 2) {
      Token where = operands.isEmpty() ? nameToken : operands.get(2).token();
      throw error(where, expectedSignatures(OpSpellings.readings(name), nameToken.text()));
    }
    return resolve(target, name, nameToken, written, operands, axis);
  }

  private Instruction randomSet(Address target, String name, Token nameToken, List<Arg> args, Token axisToken) {
    if (axisToken != null) {
      throw error(axisToken, "no axis for " + nameToken.text());
    }
    List<Num> numbers = new ArrayList<>();
    for (Arg arg : args) {
      if (arg.address() != null) {
        throw error(arg.token(), "a number, as in " + nameToken.text() + "(0.0, 0.1)");
      }
      if (arg.number() != null) {
        if (numbers.size() == 2) {
          throw error(arg.token(), "a shape such as n_features or ')' (" + nameToken.text() + " takes two numbers)");
        }
        numbers.add(arg.number());
      }
    }
    if (numbers.size() < 2) {
      throw error(nameToken, "two numbers, as in " + nameToken.text() + "(0.0, 0.1)");
    }
    boolean gaussian = !name.equals("uniform");
    Op op = switch (target.kind()) {
      case SCALAR -> gaussian ? Op.SCALAR_GAUSSIAN_SET : Op.SCALAR_UNIFORM_SET;
      case VECTOR -> gaussian ? Op.VECTOR_GAUSSIAN_SET : Op.VECTOR_UNIFORM_SET;
      default -> gaussian ? Op.MATRIX_GAUSSIAN_SET : Op.MATRIX_UNIFORM_SET;
    };
    float a = floatValue(numbers.get(0));
    float b = floatValue(numbers.get(1));
    return check(Instruction.randomSet(op, target.index(), a, b), target, List.of());
  }

  /**
   * The op called {@code name} whose kinds match the operands and the target. Without an axis,
   * readings that take none are preferred; {@code *} also reads {@code v * s} as {@code s * v}.
   */
  private Instruction resolve(
      Address target, String name, Token where, String written, List<Address> operands, int axis) {
    List<Reading> readings = OpSpellings.readings(name);
    List<Address> ordered = operands;
    Reading chosen = choose(readings, target, ordered, axis, where);
    boolean commutative = name.equals("*") || name.equals("multiply");
    if (chosen == null && commutative && operands.size() == 2) {
      ordered = List.of(operands.get(1), operands.get(0));
      chosen = choose(readings, target, ordered, axis, where);
    }
    if (chosen == null) {
      String found = target.token().text() + " = " + written;
      throw new ProgramParseException(lineNumber, where.column(), found,
          expectedSignatures(readings, name));
    }
    int in1 = ordered.get(0).index();
    int in2 = ordered.size() > 1 ? ordered.get(1).index() : 0;
    return check(Instruction.of(chosen.op(), in1, in2, target.index()), target, ordered);
  }

  private Reading choose(List<Reading> readings, Address target, List<Address> operands, int axis, Token where) {
    Kind in1 = operands.get(0).kind();
    Kind in2 = operands.size() > 1 ? operands.get(1).kind() : Kind.NONE;
    List<Reading> plain = new ArrayList<>();
    List<Reading> withAxis = new ArrayList<>();
    for (Reading r : readings) {
      Op op = r.op();
      if (op.in1() == in1 && op.in2() == in2 && op.out() == target.kind()) {
        if (r.axis() == axis) {
          plain.add(r);
        } else if (axis == OpSpellings.NO_AXIS) {
          withAxis.add(r);
        }
      }
    }
    if (!plain.isEmpty()) {
      return plain.get(0);
    }
    if (withAxis.size() == 1) {
      return withAxis.get(0);
    }
    if (withAxis.size() > 1) {
      throw error(where, "an axis argument: " + expectedSignatures(withAxis, where.text()));
    }
    return null;
  }

  /** The readings as {@code s = dot(v, v)} or {@code v = v + v}, joined with commas and "or". */
  private static String expectedSignatures(List<Reading> readings, String name) {
    List<String> forms = new ArrayList<>();
    for (Reading r : readings) {
      Op op = r.op();
      String out = String.valueOf(op.out().letter());
      String form;
      boolean symbol = name.length() == 1 && BINARY_OPERATORS.contains(name);
      if (symbol) {
        form = out + " = " + op.in1().letter() + " " + name + " " + op.in2().letter();
      } else if (name.equals("reciprocal") && op.arity() == 1) {
        form = out + " = 1 / " + op.in1().letter();
      } else {
        String args = String.valueOf(op.in1().letter());
        if (op.in2() != Kind.NONE) {
          args += ", " + op.in2().letter();
        }
        if (r.axis() != OpSpellings.NO_AXIS) {
          args += ", axis=" + r.axis();
        }
        form = out + " = " + name + "(" + args + ")";
      }
      if (!forms.contains(form)) {
        forms.add(form);
      }
    }
    if (forms.isEmpty()) {
      return "a known op";
    }
    StringBuilder b = new StringBuilder(forms.size() == 1 ? "" : "one of ");
    for (int i = 0; i < forms.size(); i++) {
      if (i > 0) {
        b.append(i == forms.size() - 1 ? " or " : ", ");
      }
      b.append(forms.get(i));
    }
    return b.toString();
  }

  private static String written(String name, List<Arg> args, int axis) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      Arg a = args.get(i);
      b.append(a.number() != null ? a.number().text() : a.token().text());
    }
    if (axis != OpSpellings.NO_AXIS) {
      b.append(args.isEmpty() ? "" : ", ").append("axis=").append(axis);
    }
    return b.append(')').toString();
  }

  // ---------------------------------------------------------------- addresses and checks

  private Address expectAddress() {
    Token t = next();
    Address a = address(t);
    if (a == null) {
      throw error(t, ADDRESS);
    }
    return a;
  }

  private Address address(Token t) {
    return t.type() == Type.NAME ? address(t.text(), t) : null;
  }

  /** {@code s3}, {@code v0}, {@code m12}: a kind letter and a non-negative int; null if not that shape. */
  private Address address(String text, Token t) {
    if (text.length() < 2) {
      return null;
    }
    Kind kind = switch (text.charAt(0)) {
      case 's' -> Kind.SCALAR;
      case 'v' -> Kind.VECTOR;
      case 'm' -> Kind.MATRIX;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!TextLexer.isDigit(text.charAt(i))) {
        return null;
      }
    }
    int first = 1;
    while (first < text.length() - 1 && text.charAt(first) == '0') {
      first++;
    }
    String digits = text.substring(first);
    if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
      throw error(t, "an address number of at most " + Integer.MAX_VALUE);
    }
    return new Address(kind, Integer.parseInt(digits), t);
  }

  /** Checks the addresses against the space, if any, pointing at the offending one. */
  private Instruction check(Instruction instruction, Address target, List<Address> operands) {
    if (space == null) {
      return instruction;
    }
    for (Address operand : operands) {
      int count = space.count(operand.kind());
      if (operand.index() >= count) {
        throw error(operand.token(), range(operand.kind(), 0, count));
      }
    }
    int first = AddressSpace.firstOutput(target.kind());
    int count = space.count(target.kind());
    if (target.index() < first || target.index() >= count) {
      String why = first > 0 && target.index() < first ? " (" + target.kind().letter() + "0 is an input)" : "";
      throw error(target.token(), "an output " + range(target.kind(), first, count) + why);
    }
    try {
      space.check(instruction);
    } catch (IllegalArgumentException e) {
      throw error(target.token(), "an instruction that fits the address space: " + e.getMessage());
    }
    return instruction;
  }

  private String range(Kind kind, int first, int count) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (count <= first) {
      return name + " address, but the address space " + space + " has none";
    }
    return name + " address in " + kind.letter() + first + ".." + kind.letter() + (count - 1)
        + " of the address space " + space;
  }

  // ---------------------------------------------------------------- numbers, shapes, axes

  private static boolean isNumberName(String text) {
    String bare = bareName(text);
    return bare != null
        && (bare.equalsIgnoreCase("nan") || bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity"));
  }

  private boolean startsNumber(Token t) {
    return t.type() == Type.NUMBER || t.is("-") || t.is("+") || (t.type() == Type.NAME && isNumberName(t.text()));
  }

  /** An optional sign, then digits or nan/inf. */
  private Num signedNumber() {
    Token first = next();
    Token t = first;
    String sign = "";
    if (first.is("-") || first.is("+")) {
      sign = first.text().equals("-") ? "-" : "";
      t = next();
    }
    if (t.type() == Type.NUMBER) {
      String text = sign + t.text();
      try {
        return new Num(first, text, Double.parseDouble(text), Float.parseFloat(text), true);
      } catch (NumberFormatException e) {
        throw error(t, "a number");
      }
    }
    if (t.type() == Type.NAME && isNumberName(t.text())) {
      String bare = bareName(t.text()).toLowerCase(java.util.Locale.ROOT);
      double value = bare.equals("nan") ? Double.NaN : sign.isEmpty() ? Double.POSITIVE_INFINITY
          : Double.NEGATIVE_INFINITY;
      return new Num(first, sign + bare, value, (float) value, false);
    }
    throw error(t, "a number");
  }

  private double doubleValue(Num n) {
    if (n.literal() && Double.isInfinite(n.value())) {
      throw error(n.token(), "a number of magnitude at most " + Double.MAX_VALUE + " (or inf)");
    }
    return n.value();
  }

  private float floatValue(Num n) {
    if (n.literal() && Float.isInfinite(n.floatValue())) {
      throw error(n.token(), "a number of magnitude at most " + Float.MAX_VALUE + " (or inf); this constant is a float");
    }
    return n.floatValue();
  }

  private float fraction(Num n) {
    float f = n.floatValue();
    if (!(f >= 0 && f < 1)) {
      throw error(n.token(), "an index fraction in [0, 1) (entries are addressed by a fraction of F)");
    }
    return f;
  }

  private int axisValue() {
    Token t = next();
    if (t.type() == Type.NUMBER && (t.text().equals("0") || t.text().equals("1"))) {
      return Integer.parseInt(t.text());
    }
    throw error(t, "0 or 1");
  }

  /** A dimension name or integer, or a parenthesized tuple of them, as in {@code (n_features, n_features)}. */
  private void skipShape() {
    Token t = next();
    if (t.type() == Type.NAME || t.type() == Type.NUMBER) {
      return;
    }
    if (!t.is("(")) {
      throw error(t, "a shape such as n_features or (n_features, n_features)");
    }
    skipListAfterOpening(true, "a dimension such as n_features");
  }

  /**
   * Skips a comma-separated list of names (and numbers when {@code numbers}) up to and including
   * its ')', the '(' already read; a trailing comma is allowed, as in Python.
   */
  private void skipListAfterOpening(boolean numbers, String expected) {
    if (peek().is(")")) {
      next();
      return;
    }
    while (true) {
      Token item = next();
      if (item.type() != Type.NAME && !(numbers && item.type() == Type.NUMBER)) {
        throw error(item, expected);
      }
      Token after = next();
      if (after.is(")")) {
        return;
      }
      if (!after.is(",")) {
        throw error(after, "',' or ')'");
      }
      if (peek().is(")")) {
        next();
        return;
      }
    }
  }

  /** The name without a known module prefix ({@code np.}, {@code np.linalg.}, ...); null for other prefixes. */
  private static String bareName(String text) {
    int dot = text.lastIndexOf('.');
    if (dot < 0) {
      return text;
    }
    return OpSpellings.MODULES.contains(text.substring(0, dot)) ? text.substring(dot + 1) : null;
  }

  /** The closest known name first, then the usual examples. */
  private static String suggestions(String written) {
    String bare = written.substring(written.lastIndexOf('.') + 1);
    String closest = null;
    int best = Integer.MAX_VALUE;
    if (bare.length() <= 40) {
      for (String candidate : OpSpellings.allNames()) {
        int d = distance(bare, candidate);
        if (d < best) {
          best = d;
          closest = candidate;
        }
      }
    }
    List<String> names = new ArrayList<>();
    if (closest != null && best <= Math.max(1, bare.length() / 3)) {
      names.add(closest);
    }
    for (String example : OpSpellings.EXAMPLES) {
      if (!names.contains(example)) {
        names.add(example);
      }
    }
    return String.join(", ", names) + ", ...";
  }

  /** Levenshtein distance, for suggestions. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }

  // ---------------------------------------------------------------- tokens

  private Token peek() {
    return tokens.get(pos);
  }

  /** The next token; at the end of the line, the END token again and again. */
  private Token next() {
    Token t = tokens.get(pos);
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  private void expect(String symbol, String expected) {
    Token t = next();
    if (!t.is(symbol)) {
      throw error(t, expected);
    }
  }

  private void expectEnd() {
    Token t = next();
    if (t.type() != Type.END) {
      throw error(t, "end of line");
    }
  }

  private ProgramParseException error(Token t, String expected) {
    return new ProgramParseException(lineNumber, t.column(), t.text(), expected);
  }
}
