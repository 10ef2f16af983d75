package dev.wengert.ad;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static {@code double} method whose derivatives the {@code ad-codegen} annotation
 * processor generates at build time, as a final class {@code <Enclosing><Method>Derivatives}
 * (or {@link #className()}) implementing {@link Objective}.
 *
 * <pre>{@code
 * @Differentiate
 * static double energy(double[] x) {
 *     int n = x.length / 3;
 *     double e = 0;
 *     for (int i = 0; i < n; i++)
 *         for (int j = i + 1; j < n; j++) {
 *             double dx = x[3*i] - x[3*j], dy = x[3*i+1] - x[3*j+1], dz = x[3*i+2] - x[3*j+2];
 *             e += 1 / Math.sqrt(dx*dx + dy*dy + dz*dz);
 *         }
 *     return e;
 * }
 * }</pre>
 *
 * <p>The method body must stay within the subset of Java the processor documents (double and int
 * locals, arithmetic, {@code Math.*}, array reads, counted for loops with {@code +=}/{@code -=}
 * reductions, if/else and ?:, calls to other such methods of the same class). The first
 * {@code double[]} parameter, or the one marked {@link Wrt}, is the variable; the other parameters
 * become constructor arguments of the generated class. Anything else is a compile error at the
 * offending construct.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Differentiate {

    /**
     * Simple name of the generated class; empty means {@code <Enclosing><Method>Derivatives}.
     *
     * @return the simple name, or empty for the default
     */
    String className() default "";
}
