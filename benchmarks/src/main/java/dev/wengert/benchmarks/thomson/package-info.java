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
 * (recording inside the measurement); the Java peers {@code CommonsMathDs}, {@code HipparchusDs}
 * ({@code DerivativeStructure}) and {@code HipparchusGradient} (so {@code HipparchusGradientGradient}
 * is the gradient by Hipparchus' {@code Gradient}), see {@link dev.wengert.benchmarks.peers}; generated
 * code ({@code Generated}) when ad-codegen lands. The second workload is the sibling package
 * {@code rosenbrock}.
 *
 * <p>Every class is its own {@code @State}: set-up builds x, v, the output arrays and any recording
 * outside the measurement, and every method returns its result or writes it into an array held by
 * the state, so the JIT can neither drop nor hoist the work.
 */
package dev.wengert.benchmarks.thomson;
