package dev.wengert.ad.rules;

import java.util.List;

/**
 * The small language in which {@link ElementaryFunction}'s first partials are written, once, for
 * every engine that interprets them. The tape's rules are these formulas printed as Java over
 * {@code double}; the {@code @Differentiate} processor builds them as IR values of the program it
 * generates; tests evaluate them on numbers and on dual numbers (which derives the second partials).
 *
 * <pre>{@code
 * // d/dx sqrt(x) = 0.5 * (1 / sqrt(x)), written over any algebra T:
 * <T> T sqrtPartial(Algebra<T> a, T value) {
 *     return a.mul(a.constant(0.5), a.div(a.constant(1), value));
 * }
 * }</pre>
 *
 * <p>Conditions are part of the language because the conventions at non-differentiable points are
 * (the gradient of {@code hypot} at the origin is 0, not 0/0): an engine must evaluate only the arm
 * a condition picks, or at least return only that arm's value.
 *
 * @param <T> what a formula evaluates to: a number, a Java expression, an IR value
 */
public interface Algebra<T> {

    /**
     * The constant {@code c}.
     *
     * @param c the number
     * @return it, in this algebra
     */
    T constant(double c);

    /**
     * {@code a + b}.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the sum
     */
    T add(T a, T b);

    /**
     * {@code a - b}.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the difference
     */
    T sub(T a, T b);

    /**
     * {@code a * b}.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the product
     */
    T mul(T a, T b);

    /**
     * {@code a / b}.
     *
     * @param a the dividend
     * @param b the divisor
     * @return the quotient
     */
    T div(T a, T b);

    /**
     * {@code -a}.
     *
     * @param a the operand
     * @return its negation
     */
    T neg(T a);

    /**
     * The value of another catalogued function, e.g. {@code cos(x)} in the partial of {@code sin}.
     *
     * @param f the function
     * @param args its arguments, {@code f.arity()} of them
     * @return its value
     */
    T apply(ElementaryFunction f, List<T> args);

    /**
     * {@code a == b ? then : otherwise}.
     *
     * @param a the left side of the comparison
     * @param b the right side
     * @param then the result where they are equal
     * @param otherwise the result elsewhere
     * @return the chosen result
     */
    T ifEqual(T a, T b, T then, T otherwise);

    /**
     * {@code a <= b ? then : otherwise}.
     *
     * @param a the left side of the comparison
     * @param b the right side
     * @param then the result where {@code a <= b}
     * @param otherwise the result elsewhere
     * @return the chosen result
     */
    T ifLessOrEqual(T a, T b, T then, T otherwise);

    /**
     * {@code apply} of a one-argument function.
     *
     * @param f the function
     * @param x its argument
     * @return its value
     */
    default T apply(ElementaryFunction f, T x) {
        return apply(f, List.of(x));
    }
}
