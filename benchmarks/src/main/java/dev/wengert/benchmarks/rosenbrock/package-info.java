/**
 * JMH benchmarks of the extended Rosenbrock workload ({@link dev.wengert.benchmarks.RosenbrockWorkload}),
 * one class per (variant, quantity), under the naming convention of {@link dev.wengert.benchmarks.thomson}:
 * class {@code <Variant><Quantity>}, method = quantity, {@code @Param n} = size.
 *
 * <p>Sizes: n = 10^3 and 10^5 (the sparse-structure sizes of DESIGN.md) for value, gradient and
 * HVP, plus n = 100 so that the Java peers' Hessians (order-2 structures of C(n + 2, 2) doubles) have
 * a size where they finish; dense Hessians at n = 100 and 10^3 only (80 GB at 10^5); the peers'
 * gradients at n = 100 and 10^3 (forward mode costs n times f: a minute per call at 10^5).
 */
package dev.wengert.benchmarks.rosenbrock;
