package dev.wengert.ad;

import dev.wengert.ad.coloring.Coloring;
import dev.wengert.ad.tape.CallChecks;
import dev.wengert.ad.tape.DenseHessian;
import dev.wengert.ad.tape.ReverseSweep;
import dev.wengert.ad.tape.SecondOrderSweep;
import dev.wengert.ad.tape.TangentSweep;
import dev.wengert.ad.tape.TapeData;
import dev.wengert.ad.tape.ValueSweep;
import dev.wengert.ad.tape.Workspace;
import java.util.Arrays;

/**
 * A finished, immutable recording of a function R^n -> R^m: the fast path. It re-evaluates the
 * recorded operations at any new x, without calling the function, and gives every derivative the
 * tape supports. One recording may be used from many threads at once: each thread has its own
 * scratch (see {@code Workspace}), allocated on its first call and reused after that.
 *
 * <pre>{@code
 * Recording energy = Tape.record(Thomson::energy, x0);     // record once
 * double[] g = new double[x0.length], hv = new double[x0.length];
 * for (double[] x : points) {
 *     double e = energy.gradient(x, g);                       // replay + reverse sweep
 *     energy.hessianVector(x, v, hv);                         // forward-over-reverse
 * }
 * }</pre>
 *
 * <p>This is the low-level API: if x makes a recorded comparison come out the other way, every
 * method throws {@link GuardFlippedException} rather than return derivatives of the wrong branch.
 * {@link RecordedFunction} re-records instead. Wrong array lengths throw
 * {@link DimensionMismatchException}; non-finite inputs, values or derivatives throw
 * {@link NonFiniteException} naming the operation that produced them.
 *
 * <p>A facade: each method checks its arguments ({@code CallChecks}), takes this thread's workspace once
 * and hands it to the sweeps of the {@code tape} package, which do the work.
 */
public final class Recording implements Objective {
    private final TapeData tape;
    private final CallChecks checks;
    private final long operations;
    // Worked out on first use (a scalar output is checked first, by the driver that asks).
    private final Lazy<SparseHessian> sparseHessian;
    private final Lazy<DenseHessian> denseHessian;
    private final Lazy<SparseJacobian> sparseJacobian;

    Recording(TapeData tape, long operations) {
        this.tape = tape;
        this.checks = new CallChecks(tape);
        this.operations = operations;
        this.sparseHessian = new Lazy<>(() -> SparseHessian.of(tape, tape.outputNode(0)));
        this.denseHessian = new Lazy<>(() -> new DenseHessian(tape, tape.outputNode(0)));
        this.sparseJacobian = new Lazy<>(() -> SparseJacobian.of(tape));
    }

    /**
     * Number of inputs, n.
     *
     * @return n
     */
    public int inputCount() {
        return tape.inputCount();
    }

    /**
     * Number of outputs, m.
     *
     * @return m
     */
    public int outputCount() {
        return tape.outputCount();
    }

    /**
     * Number of nodes on the tape (inputs and constants included).
     *
     * @return the node count
     */
    public int size() {
        return tape.size();
    }

    /**
     * Number of operations the function performed while recording (arithmetic and constants on
     * {@code Var}s; inputs not counted). Recording fuses some of them ({@link #size} counts nodes),
     * so {@code bytes() / recordedOperations()} is the tape's cost per operation written.
     *
     * @return the operation count
     */
    public long recordedOperations() {
        return operations;
    }

    /**
     * Bytes the recorded tape occupies (per-thread sweep scratch not included: 8 bytes per node per array in use).
     *
     * @return the size in bytes
     */
    public long bytes() {
        return tape.bytes();
    }

    // ---- values ----

    /** f(x) of a scalar recording. */
    @Override
    public double value(double[] x) {
        int out = checks.scalarOutput("value");
        checks.requireInput("value", x);
        return replay("value", x, workspace())[out];
    }

    /**
     * Writes all m outputs at x into {@code y}.
     *
     * @param x the point, length n
     * @param y output: the m outputs, overwritten
     */
    public void values(double[] x, double[] y) {
        checks.requireInput("values", x);
        ObjectiveChecks.requireLength("values", "y", y, outputCount());
        double[] v = replay("values", x, workspace());
        for (int k = 0; k < y.length; k++) y[k] = v[tape.outputNode(k)];
    }

    // ---- first order ----

    /** Writes the gradient at x into {@code g} and returns f(x): one replay and one reverse sweep. */
    @Override
    public double gradient(double[] x, double[] g) {
        int out = checks.scalarOutput("gradient");
        checks.requireInput("gradient", x);
        ObjectiveChecks.requireLength("gradient", "g", g, inputCount());
        Workspace ws = workspace();
        double[] v = replay("gradient", x, ws);
        Arrays.fill(g, 0.0);
        ws.adjoints()[out] = 1;
        ReverseSweep.run(tape, ws, ws.adjoints(), out, g);
        checks.requireFiniteResult("gradient", "g", g, ws, false, null);
        return v[out];
    }

    /**
     * Writes the Jacobian-vector product J v (length m) into {@code out}: one forward tangent sweep.
     *
     * @param x the point, length n
     * @param v the direction, length n
     * @param out output: J v, length m, overwritten
     */
    public void jvp(double[] x, double[] v, double[] out) {
        checks.requireInput("jvp", x);
        ObjectiveChecks.requireLength("jvp", "v", v, inputCount());
        ObjectiveChecks.requireLength("jvp", "out", out, outputCount());
        ObjectiveChecks.requireFinite("jvp", "v", v);
        jvp("jvp", x, v, out, workspace());
    }

    // J v into out, the arguments checked.
    private void jvp(String driver, double[] x, double[] v, double[] out, Workspace ws) {
        TangentSweep.run(tape, x, v, ws);
        checks.requireRecordedPath(driver, ws.values());
        double[] td = ws.tangents();
        for (int k = 0; k < out.length; k++) out[k] = td[tape.outputNode(k)];
        checks.requireFiniteResult(driver, "out", out, ws, false, null);
    }

    /**
     * Writes the vector-Jacobian product w^T J (length n) into {@code out}: one reverse sweep.
     *
     * @param x the point, length n
     * @param w the weights, length m
     * @param out output: w^T J, length n, overwritten
     */
    public void vjp(double[] x, double[] w, double[] out) {
        checks.requireInput("vjp", x);
        ObjectiveChecks.requireLength("vjp", "w", w, outputCount());
        ObjectiveChecks.requireLength("vjp", "out", out, inputCount());
        ObjectiveChecks.requireFinite("vjp", "w", w);
        vjp("vjp", x, w, out, workspace());
    }

    // w^T J into out, the arguments checked.
    private void vjp(String driver, double[] x, double[] w, double[] out, Workspace ws) {
        replay(driver, x, ws);
        double[] adj = ws.adjoints();
        Arrays.fill(out, 0.0);
        for (int k = 0; k < w.length; k++) adj[tape.outputNode(k)] += w[k];
        ReverseSweep.run(tape, ws, adj, tape.size() - 1, out);
        checks.requireFiniteResult(driver, "out", out, ws, false, w);
    }

    /**
     * Writes the m x n Jacobian, row-major ({@code jac[k * n + i] = d y_k / d x_i}): m reverse
     * sweeps when {@code m <= n}, otherwise n forward sweeps.
     *
     * @param x the point, length n
     * @param jac output: the Jacobian, length m * n, overwritten
     */
    public void jacobian(double[] x, double[] jac) {
        int n = inputCount();
        int m = outputCount();
        checks.requireInput("jacobian", x);
        ObjectiveChecks.requireLength("jacobian", "jac", jac, DenseSize.jacobian("jacobian", m, n));
        Workspace ws = workspace();
        if (m <= n) {
            double[] w = new double[m];
            double[] row = new double[n];
            for (int k = 0; k < m; k++) {
                w[k] = 1;
                vjp("vjp", x, w, row, ws);
                w[k] = 0;
                System.arraycopy(row, 0, jac, k * n, n);
            }
        } else {
            double[] e = new double[n];
            double[] column = new double[m];
            for (int i = 0; i < n; i++) {
                e[i] = 1;
                jvp("jvp", x, e, column, ws);
                e[i] = 0;
                for (int k = 0; k < m; k++) jac[k * n + i] = column[k];
            }
        }
    }

    // ---- second order ----

    /** Writes H(x) v into {@code hv} by forward-over-reverse (Pearlmutter), without forming H. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        secondOrder("hessianVector", x, v, null, hv);
    }

    /**
     * Writes the gradient into {@code g} and H v into {@code hv} and returns f(x), all from one
     * tangent sweep and one second-order adjoint sweep.
     */
    @Override
    public double gradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
        ObjectiveChecks.requireNonNull("gradientAndHessianVector", "g", g);
        return secondOrder("gradientAndHessianVector", x, v, g, hv);
    }

    // Hv, and the gradient into g unless g is null (hessianVector's case).
    private double secondOrder(String driver, double[] x, double[] v, double[] g, double[] hv) {
        int out = checks.scalarOutput(driver);
        checks.requireInput(driver, x);
        ObjectiveChecks.requireLength(driver, "v", v, inputCount());
        if (g != null) ObjectiveChecks.requireLength(driver, "g", g, inputCount());
        ObjectiveChecks.requireLength(driver, "hv", hv, inputCount());
        ObjectiveChecks.requireFinite(driver, "v", v);
        Workspace ws = workspace();
        double[] values = ws.values();
        TangentSweep.run(tape, x, v, ws);
        checks.requireRecordedPath(driver, values);
        double[] gradient = g != null ? g : ws.inputScratch(inputCount());
        Arrays.fill(gradient, 0.0);
        Arrays.fill(hv, 0.0);
        ws.adjoints()[out] = 1;
        SecondOrderSweep.run(tape, ws, out, gradient, hv);
        checks.requireFiniteResult(driver, "hv", hv, ws, true, null);
        checks.requireFiniteResult(driver, "g", gradient, ws, false, null);
        return values[out];
    }

    /**
     * Writes the dense n x n Hessian, row-major: {@link #hessian(double[], double[], int)} with as
     * many threads as the machine has cores.
     */
    @Override
    public void hessian(double[] x, double[] h) {
        hessian(x, h, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Writes the dense n x n Hessian, row-major. The first call chooses the method and every later
     * call of this recording keeps it:
     * <ul>
     * <li>edge pushing: one replay and one reverse sweep that carries second-order adjoints, on the
     *     calling thread. For sums of small terms (pair energies, stencils, least squares) it costs a
     *     small multiple of a gradient, whatever n is;</li>
     * <li>vector mode, if edge pushing needs more work than this would (long chains of nodes that all
     *     depend on many inputs, where second-order adjoints grow dense): values and adjoints are
     *     computed once, then batches of columns (unit directions) are shared out among
     *     {@code threads} threads, each running k-wide tangent and second-order adjoint sweeps that
     *     skip the nodes a batch does not reach. Small problems (under about 200,000 node-columns of
     *     work per thread) use fewer threads than asked, since handing work to a thread would cost
     *     more than it saves. The first call then costs up to twice as much as later ones.</li>
     * </ul>
     *
     * @param x the point, length n
     * @param h output: the Hessian, length n * n, overwritten
     * @param threads the most threads to use (vector mode), at least 1
     */
    public void hessian(double[] x, double[] h, int threads) {
        checks.scalarOutput("hessian");
        checks.requireInput("hessian", x);
        ObjectiveChecks.requireLength("hessian", "h", h, DenseSize.hessian("hessian", inputCount()));
        CallChecks.requireThreads("hessian", threads);
        DenseHessian plan = denseHessian.get();
        Workspace ws = workspace();
        replay("hessian", x, ws);
        plan.evaluate(ws, h, threads);
        checks.requireFiniteResult("hessian", "h", h, ws, true, null);
    }

    /**
     * The method {@link #hessian(double[], double[], int)} uses on this recording, once a first call
     * has chosen it.
     *
     * @return true for edge pushing, false for vector mode, null before the first dense Hessian
     */
    Boolean denseHessianByEdgePushing() {
        DenseHessian plan = denseHessian.ifMade();
        return plan == null ? null : plan.byEdgePushing();
    }

    // ---- sparse second order ----

    /**
     * The pattern of the Hessian on this recording's path (both triangles), from nonlinear
     * interaction sets: worked out once, on the first call of this or {@link #sparseHessian}, then
     * reused (thread-safe). A coloring is not part of it: {@link #hessianColoring()} works one out on
     * first use.
     */
    @Override
    public SparsityPattern hessianPattern() {
        return sparseHessianPlan("hessianPattern").pattern();
    }

    /**
     * The pattern of {@link #hessianPattern()}, after checking that n is this recording's dimension.
     *
     * @param n the length of x
     * @return the pattern
     * @throws DimensionMismatchException if n is not the number of inputs recorded
     */
    @Override
    public SparsityPattern hessianPattern(int n) {
        checks.requireInputCount("hessianPattern", n);
        return hessianPattern();
    }

    /**
     * The star coloring of {@link #hessianPattern()} that {@link SparseHessianMethod#STAR_COLORING}
     * sweeps by: its {@code count()} is the number of directions it needs. Worked out on the first call
     * (of this or of a sparse Hessian by that method), then reused.
     *
     * @return the coloring of the Hessian's columns
     */
    public Coloring hessianColoring() {
        return sparseHessianPlan("hessianColoring").coloring();
    }

    /**
     * The acyclic coloring of {@link #hessianPattern()} that {@link SparseHessianMethod#ACYCLIC_COLORING}
     * sweeps by (fewer colors than the star coloring; values recovered by substitution). Worked out on
     * the first call, then reused.
     *
     * @return the acyclic coloring of the Hessian's columns
     */
    public Coloring hessianAcyclicColoring() {
        return sparseHessianPlan("hessianAcyclicColoring").acyclicColoring();
    }

    /**
     * The method {@link #sparseHessian(double[], double[])} uses on this recording.
     *
     * @return the default method: {@link SparseHessianMethod#EDGE_PUSHING}
     */
    public SparseHessianMethod sparseHessianMethod() {
        return sparseHessianPlan("sparseHessianMethod").defaultMethod();
    }

    /**
     * Works out the pattern and what {@code method} needs (the edge-pushing plan, or the star coloring
     * and its recovery positions) now, so that the first sparse Hessian by that method costs no more
     * than the next; otherwise the first call does it.
     *
     * @param method the method to prepare
     * @return the pattern
     */
    public SparsityPattern prepareSparseHessian(SparseHessianMethod method) {
        ObjectiveChecks.requireNonNull("prepareSparseHessian", "method", method);
        SparseHessian plan = sparseHessianPlan("prepareSparseHessian");
        plan.prepare(method);
        return plan.pattern();
    }

    /**
     * Writes the Hessian's non-zeros at x into {@code values}, in the order of {@link #hessianPattern()},
     * by {@link #sparseHessianMethod()} (edge pushing: one replay, one reverse sweep, one sweep that
     * pushes second-order adjoints down to the inputs). Costs a few gradients for a sum of small terms
     * whatever n is; allocates nothing after the first call on a thread.
     */
    @Override
    public void sparseHessian(double[] x, double[] values) {
        sparseHessian(x, values, sparseHessianPlan("sparseHessian").defaultMethod());
    }

    /**
     * Writes the Hessian's non-zeros at x into {@code values}, in the order of {@link #hessianPattern()},
     * by the given method: {@link SparseHessianMethod#EDGE_PUSHING},
     * {@link SparseHessianMethod#STAR_COLORING} (one replay, one reverse sweep, and forward-over-reverse
     * sweeps along one seed direction per color, then direct recovery) or
     * {@link SparseHessianMethod#ACYCLIC_COLORING} (the same sweeps with fewer colors, recovery by
     * substitution). All give the same values to rounding.
     *
     * @param x the point
     * @param values receives the non-zeros, in the pattern's order
     * @param method how to compute them
     */
    public void sparseHessian(double[] x, double[] values, SparseHessianMethod method) {
        checks.scalarOutput("sparseHessian");
        checks.requireInput("sparseHessian", x);
        ObjectiveChecks.requireNonNull("sparseHessian", "method", method);
        SparseHessian plan = sparseHessianPlan("sparseHessian");
        ObjectiveChecks.requireLength("sparseHessian", "values", values, plan.pattern().nonZeros());
        Workspace ws = workspace();
        replay("sparseHessian", x, ws);
        plan.evaluate(ws, values, method);
        checks.requireFiniteResult("sparseHessian", "values", values, ws, true, null);
    }

    /**
     * The pattern of the m x n Jacobian on this recording's path, from forward index sets: worked out
     * once, with distance-2 colorings of its columns and rows, on the first call of this or
     * {@link #sparseJacobian}, then reused.
     *
     * @return the pattern of the m x n Jacobian
     */
    public SparsityPattern jacobianPattern() {
        return sparseJacobianPlan().pattern();
    }

    /**
     * The coloring {@link #sparseJacobian} sweeps by: of the columns (one Jacobian-vector product per
     * color) or of the rows (one vector-Jacobian product per color), whichever has fewer colors.
     *
     * @return the coloring used: of the columns or of the rows
     */
    public Coloring jacobianColoring() {
        return sparseJacobianPlan().coloring();
    }

    /**
     * True if {@link #sparseJacobian} uses forward sweeps (column colors), false for reverse (row colors).
     *
     * @return true for forward sweeps, false for reverse
     */
    public boolean sparseJacobianIsForward() {
        return sparseJacobianPlan().forward();
    }

    /**
     * Writes the Jacobian's non-zeros at x into {@code values}, in the order of {@link #jacobianPattern()}:
     * one forward sweep per column color or one reverse sweep per row color, whichever is fewer, each
     * entry read directly from the compressed product.
     *
     * @param x the point
     * @param values receives the non-zeros, in the pattern's order
     */
    public void sparseJacobian(double[] x, double[] values) {
        checks.requireInput("sparseJacobian", x);
        SparseJacobian plan = sparseJacobianPlan();
        ObjectiveChecks.requireLength("sparseJacobian", "values", values, plan.pattern().nonZeros());
        Workspace ws = workspace();
        if (plan.forward()) {
            plan.evaluate((seed, product) -> jvp("jvp", x, seed, product, ws), values);
        } else {
            plan.evaluate((seed, product) -> vjp("vjp", x, seed, product, ws), values);
        }
    }

    private SparseJacobian sparseJacobianPlan() {
        return sparseJacobian.get();
    }

    private SparseHessian sparseHessianPlan(String driver) {
        checks.scalarOutput(driver);
        return sparseHessian.get();
    }

    // ---- shared steps ----

    // This thread's scratch for this tape. Each call takes it once and keeps it in a local
    // variable: a large workspace is held only softly between calls (see Workspace).
    private Workspace workspace() {
        return Workspace.forThread(tape.size());
    }

    // Node values at x (and inner values of n-ary nodes) in ws, on the recorded path and finite.
    private double[] replay(String driver, double[] x, Workspace ws) {
        double[] v = ws.values();
        ValueSweep.run(tape, x, v, ws.inner());
        checks.requireRecordedPath(driver, v);
        return v;
    }
}
