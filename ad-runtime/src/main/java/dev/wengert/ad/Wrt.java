package dev.wengert.ad;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code double[]} parameter of a {@link Differentiate} method that derivatives are
 * taken with respect to, when it is not the first {@code double[]} parameter.
 *
 * <pre>{@code
 * @Differentiate
 * static double residual(double[] data, @Wrt double[] theta) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Wrt {
}
