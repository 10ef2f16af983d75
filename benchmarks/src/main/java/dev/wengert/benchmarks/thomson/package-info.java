/**
 * JMH benchmarks of the Thomson workload (DESIGN.md "Workloads"), one class per (variant, quantity).
 *
 * <p>Naming convention, which {@code benchmarks/ratios.py} relies on: the package names the
 * workload; the class is {@code <Variant><Quantity>}; the {@code @Benchmark} method is the quantity
 * in lower case ({@code value}, {@code gradient}, {@code hvp}, {@code hessian}); {@code @Param n} is
 * the size and any other {@code @Param} (such as {@code threads}) is part of the variant. Variants
 * so far: {@code Plain} (the plain {@code double} function, the baseline of every ratio),
 * {@code Analytic} (hand-written derivatives, the baseline of each quantity), {@code TapeReused}
 * (a recording made in set-up, replayed and swept in the measurement) and {@code TapeRecord}
 * (recording inside the measurement). Generated code ({@code Generated}) and the Java peers
 * (Commons Math, Hipparchus) slot in as further variants, and a second workload as a sibling package.
 *
 * <p>Every class is its own {@code @State}: set-up builds x, v, the output arrays and any recording
 * outside the measurement, and every method returns its result or writes it into an array held by
 * the state, so the JIT can neither drop nor hoist the work.
 */
package dev.wengert.benchmarks.thomson;
