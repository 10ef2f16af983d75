/**
 * The tape: how a recording is written, stored and read. Internal to the module (not exported); the
 * public face is {@code dev.wengert.ad}.
 *
 * <h2>Four roles</h2>
 * <ul>
 *   <li>{@code dev.wengert.ad.Tape} is the recording session: it hands out {@code Var}s, checks that
 *       they belong to it and to its thread, and turns each operation into a call on its writer.</li>
 *   <li>{@link dev.wengert.ad.tape.TapeBuilder} is the writer: growing struct-of-arrays storage (an opcode
 *       byte and two int operands per node, pools of constants and n-ary arguments), fusion in place, and
 *       {@code build}, which removes dead nodes ({@link dev.wengert.ad.tape.DeadCodeElimination}) and
 *       freezes the arrays.</li>
 *   <li>{@link dev.wengert.ad.tape.TapeData} is the frozen format every reader reads: the node arrays,
 *       the pools, inputs, outputs and guards, and the layout of an n-ary node's slots in the argument
 *       pool. The writer lays nodes out by the same definitions; no reader imports the writer.</li>
 *   <li>{@code dev.wengert.ad.Recording} is the finished function: a facade that checks each call's
 *       arguments ({@link dev.wengert.ad.tape.CallChecks}), takes the thread's
 *       {@link dev.wengert.ad.tape.Workspace} once and hands it to the sweeps.</li>
 * </ul>
 *
 * <h2>Readers</h2>
 * One small class per driver, each one pass over the same {@code TapeData}:
 * {@link dev.wengert.ad.tape.ValueSweep} (replay), {@link dev.wengert.ad.tape.ReverseSweep} (gradient,
 * vector-Jacobian product), {@link dev.wengert.ad.tape.TangentSweep} (Jacobian-vector product, and the
 * forward half of forward-over-reverse), {@link dev.wengert.ad.tape.SecondOrderSweep} (its reverse half:
 * Hessian-vector products), {@link dev.wengert.ad.tape.EdgePushing} (sparse and dense Hessians in one sweep of
 * second-order adjoints; {@link dev.wengert.ad.tape.DenseHessian} picks it or the vector mode for a recording),
 * {@link dev.wengert.ad.tape.HessianSweep} (k directions at once, scheduled by
 * {@link dev.wengert.ad.tape.HessianBatches} for compressed Hessians and the vector-mode dense one), and the pattern passes
 * {@link dev.wengert.ad.tape.DependencySets}, {@link dev.wengert.ad.tape.JacobianSparsity} and
 * {@link dev.wengert.ad.tape.HessianSparsity}. Every rule a sweep applies comes from
 * {@link dev.wengert.ad.tape.Rules}, which takes values, never tape arrays; its unary, binary and
 * with-constant rules are printed from the catalogue ({@code dev.wengert.ad.rules}).
 *
 * <h2>Fusion</h2>
 * Recording writes fewer, fatter nodes than the user's operations, since bytes per node are what the
 * sweeps pay for:
 * <ul>
 *   <li>{@code x.times(2.0)} records the constant in the node (a with-constant opcode), not as a node;</li>
 *   <li>{@code Var.sum}, {@code dot}, {@code norm} and weighted sums are one n-ary node over their
 *       arguments;</li>
 *   <li>a difference, {@code a.minus(b)} or with a constant {@code a.minus(c)}, is not written when it is
 *       made: its {@code Var} holds its value and operands, and its first use records it. A {@code norm} of
 *       subtractions, {@code Var.norm(a.minus(b), ...)}, is then one distance node over both vectors, and a
 *       square of a difference, {@code a.minus(b).square()}, one squared-difference node, however much was
 *       recorded in between (stencils, least squares), and the differences never take a node;</li>
 *   <li>a sum of squared differences of nodes, {@code dx.square().plus(dy.square())}, is one squared-distance
 *       node over both vectors, and so is a constant added to it ({@code .plus(1)}), which a square root then
 *       fuses into: the minimal-surface cell {@code sqrt(1 + dx^2 + dy^2)} is one node. The squared
 *       differences and the partial sums are recorded as they are made and are left for dead-code
 *       elimination, since the new node is written after them and reads only their operands;</li>
 *   <li>a unary operation on the n-ary node just recorded ({@code Var.norm(d).reciprocal()}) is fused
 *       onto it: the n-ary node computes {@code outer(inner(args))} and keeps its inner value for the
 *       reverse sweeps.</li>
 * </ul>
 * Fusion in place (a unary onto the n-ary node just written) never touches a node a guard compares, a sum
 * holds as a term, or a difference not yet recorded reads. The
 * {@code Var}s of the fused-away operations are not lost: each remembers how to record its operation
 * again and does so if it is used after all (a {@code Var}'s value never changes; its node may). What it
 * remembers is one {@code long} in place of its node (the operands of a subtraction, a difference's
 * operand and constant, or the n-ary node that still holds its argument list), so the common handle carries no fusion fields and fusion keeps no
 * table. Nodes that end up unused are removed when the tape is built.
 *
 * <h2>Sums of many terms</h2>
 * {@code Var.sum(n, term)} and {@code Var.sum(tape, body)} hand each term's node to the writer as soon as
 * it is recorded ({@code startSum}, {@code sumTerm}, {@code endSum}: a stack of argument lists in one reused
 * array, so sums nest); the writer then records the very node {@code Var.sum(list)} would. A term the sum holds may no
 * longer be fused away (like a node a guard compares).
 *
 * <h2>Threads</h2>
 * A {@code TapeData} is never written after it is built, so any number of threads may sweep it at once;
 * all scratch (values, adjoints, tangents, the Hessian's k-wide buffers, the partials of a node) lives in
 * the per-thread {@code Workspace}, which a call takes once and passes down.
 */
package dev.wengert.ad.tape;
