package org.automlzero.program;

import java.util.Objects;

/**
 * The text form of programs, the one people read and write, in the style of the paper (Real et al.
 * 2020, Fig. 1): a {@code def} line per component function and one instruction per line.
 * Stateless and thread-safe; every method is a pure function of its arguments.
 *
 * <p><b>Printing</b> gives one spelling per op, indented by two spaces, for example
 * <pre>
 * def Setup():
 *   s2 = 0.01
 * def Predict():
 *   s1 = dot(v1, v0)
 * def Learn():
 *   s3 = s0 - s1
 *   s3 = s2 * s3
 *   v2 = s3 * v0
 *   v1 = v1 + v2
 * </pre>
 * Operators: {@code + - * /} (with {@code s * v} and {@code s * m} for scaling, {@code v * v} and
 * {@code m * m} elementwise) and {@code 1 / x}. Calls: {@code abs sin cos tan arcsin arccos arctan
 * exp log heaviside relu bcast bcast_col bcast_row norm norm_col norm_row dot outer matmul transpose
 * min max mean mean_row std std_row}. Constants: {@code s2 = 0.01}, {@code v1[0.3] = 0.5},
 * {@code m0[0.25, 0.75] = -0.5} (indices are the stored fractions of F, since F is unknown here),
 * {@code uniform(lo, hi)}, {@code gaussian(mean, stdev)}. NO_OP is {@code no_op}. A component
 * without instructions prints as its {@code def} line alone. Numbers print as the JDK's
 * {@link Double#toString}/{@link Float#toString} (lower-case exponent; {@code nan}, {@code inf}),
 * which read back to the same bits, so {@code parse(print(a))} equals {@code a} exactly (a NaN
 * constant reads back as the canonical NaN, and NaN is never equal to itself under
 * {@link Instruction#equals}).
 *
 * <p><b>Parsing</b> reads that form and also: the reference's printed form ({@code NoOp()},
 * {@code minimum}/{@code maximum}, {@code heaviside(v1, 1.0)}, {@code dot(m0, v1)},
 * {@code norm(m0, axis=0)}, {@code mean(m0, axis=1)}, {@code bcast(v1, axis=0)},
 * {@code gaussian(0, 0.1, (n_features, n_features))} and other trailing shape arguments or
 * {@code size=}/{@code shape=}); numpy spellings with {@code np.}, {@code np.linalg.},
 * {@code np.random.} or {@code math.} prefixes ({@code np.dot}, {@code np.outer},
 * {@code np.matmul}, {@code np.maximum(v6, 0)} or {@code np.maximum(0, v6)} as ReLU,
 * {@code np.heaviside(v6, 1.0)} whose second argument is ignored, {@code np.linalg.norm},
 * {@code np.random.normal}, {@code np.random.uniform}, {@code m0.T}, {@code a @ b},
 * {@code np.add}/{@code subtract}/{@code multiply}/{@code divide}, {@code reciprocal}); {@code v * s}
 * for {@code s * v}; {@code pass} as NO_OP; {@code nan}/{@code inf} constants. The op is chosen from
 * the name and the kinds of the addresses (letters s, v, m), e.g. {@code *} is the scalar, scalar-
 * vector, vector, scalar-matrix or elementwise matrix product. Comments run from {@code #} to the
 * end of the line; blank lines are skipped; headers may list parameters ({@code def Learn(v0, s0):}).
 * Indentation may be any run of spaces and tabs, the same for all {@code def} lines and for all
 * instructions of one function, and deeper than the {@code def} line. Functions come in the order
 * Setup, Predict, Learn, each at most once; a missing one is an empty list, so an empty text is the
 * empty algorithm. Addresses are any non-negative int unless an {@link AddressSpace} is given.
 *
 * <p><b>Errors</b>: any text that is not accepted gives a {@link ProgramParseException} with the
 * line, column, what was found and what was expected; the parser throws nothing else.
 */
public final class ProgramText {
  private ProgramText() {}

  /** The text of {@code algorithm}, ending with a newline. */
  public static String print(Algorithm algorithm) {
    return TextPrinter.print(Objects.requireNonNull(algorithm, "algorithm"));
  }

  /** One instruction without indentation or newline, such as {@code s1 = dot(v1, v0)}. */
  public static String print(Instruction instruction) {
    return TextPrinter.print(Objects.requireNonNull(instruction, "instruction"));
  }

  /** Reads a program; addresses may be any non-negative int. */
  public static Algorithm parse(String text) {
    return new TextParser(null).algorithm(Objects.requireNonNull(text, "text"));
  }

  /** Reads a program whose every address must fit {@code space} (outputs never s0 or v0). */
  public static Algorithm parse(String text, AddressSpace space) {
    Objects.requireNonNull(space, "space");
    return new TextParser(space).algorithm(Objects.requireNonNull(text, "text"));
  }

  /** Reads one instruction written on one line; indentation, comments and blank lines are allowed. */
  public static Instruction parseInstruction(String text) {
    return new TextParser(null).instruction(Objects.requireNonNull(text, "text"));
  }

  /** As {@link #parseInstruction(String)}, also checking the addresses against {@code space}. */
  public static Instruction parseInstruction(String text, AddressSpace space) {
    Objects.requireNonNull(space, "space");
    return new TextParser(space).instruction(Objects.requireNonNull(text, "text"));
  }
}
