/**
 * The workloads written against the Java peers: Apache Commons Math 3 and Hipparchus
 * {@code DerivativeStructure} (order 1 for gradients, order 2 for Hessians) and Hipparchus
 * {@code Gradient} (first order). All are forward mode with every input a free parameter, so a
 * gradient costs O(n) times the function and allocates an n-sized array per operation; the states of
 * {@code ThomsonPeerBenchmarks} and {@code RosenbrockPeerBenchmarks} say at which sizes each can finish and why
 * not beyond.
 */
package dev.wengert.benchmarks.peers;
