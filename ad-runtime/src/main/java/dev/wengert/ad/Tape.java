package dev.wengert.ad;

import dev.wengert.ad.tape.Guards;
import dev.wengert.ad.tape.Op;
import dev.wengert.ad.tape.Rules;
import dev.wengert.ad.tape.TapeBuilder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A Wengert list being recorded: every operation on its {@link Var}s appends a node. Finishing it
 * gives an immutable {@link Recording}, which evaluates values and derivatives at any point
 * without calling the function again.
 *
 * <pre>{@code
 * // In one call:
 * Recording r = Tape.record(x -> Var.norm(x).reciprocal(), 1.0, 2.0, 2.0);
 *
 * // Or by hand:
 * Tape tape = new Tape();
 * Var[] x = tape.variables(1.0, 2.0, 2.0);
 * Recording same = tape.finish(Var.norm(x).reciprocal());
 * }</pre>
 *
 * <p>A tape records on the thread that created it (another thread gets a
 * {@link ConcurrentRecordingException}); once finished it is closed ({@link ClosedTapeException}).
 * Mixing {@code Var}s of two tapes is a {@link ForeignVarException}.
 */
public final class Tape {
    private static final AtomicLong IDS = new AtomicLong();

    private final TapeBuilder builder;
    private final Thread owner = Thread.currentThread();
    private final long id = IDS.incrementAndGet();
    private boolean closed;
    private long operations;
    private int[] scratch = new int[16];
    // Sums being recorded term by term (Var.sum with a term function or a body), innermost last.
    private int openSums;

    /** An empty tape that records on the calling thread. */
    public Tape() {
        this(false);
    }

    // keepInner: the tape of a gradient at the recording point (see TapeBuilder.gradient).
    private Tape(boolean keepInner) {
        builder = TapeBuilder.create(keepInner);
    }

    /**
     * Records {@code f} at {@code x0}; a replay whose recorded comparisons flip throws {@link GuardFlippedException}.
     *
     * @param f the function
     * @param x0 the point to record at
     * @return the immutable recording
     */
    public static Recording record(ScalarFunction f, double... x0) {
        requireFunctionAndPoint("Tape.record", f, x0);
        Tape tape = new Tape();
        Var y = f.apply(tape.variables(x0));
        if (y == null) throw new IllegalArgumentException("the function returned null instead of a Var");
        return tape.finish(y);
    }

    // Derivatives.gradient and RecordedFunction's re-recording: f(x), and its gradient into g, from one
    // recording swept where it was made (no replay). keep, if not null, is handed the Recording built from it
    // afterwards; with none, no Recording is built. Whatever a Recording would reject (a non-finite value or
    // gradient entry) is handed to one, built after all, so that the error is the one Recording.gradient gives.
    static double gradient(ScalarFunction f, double[] x, double[] g, Consumer<Recording> keep) {
        Tape tape = new Tape(true);
        Var y = f.apply(tape.variables(x));
        if (y == null) throw new IllegalArgumentException("the function returned null instead of a Var");
        int out = tape.own(y, "output 0").node();
        tape.checkRecordable();
        Arrays.fill(g, 0.0);
        tape.builder.gradient(out, g);
        boolean finite = Double.isFinite(y.value()) && allFinite(g);
        if (finite && keep == null) {
            tape.closed = true;
            tape.builder.discard();
            return y.value();
        }
        Recording recording = tape.finish(y);
        if (keep != null) keep.accept(recording);
        return finite ? y.value() : recording.gradient(x, g);
    }

    private static boolean allFinite(double[] g) {
        for (double gi : g) {
            if (!Double.isFinite(gi)) return false;
        }
        return true;
    }

    /**
     * Records the vector function {@code f} at {@code x0}. (A name of its own, not an overload of
     * {@link #record}: both take a lambda over {@code Var[]}, and an overload would make every
     * implicitly typed lambda ambiguous.)
     *
     * @param f the vector function
     * @param x0 the point to record at
     * @return the immutable recording
     */
    public static Recording recordVector(VectorFunction f, double... x0) {
        requireFunctionAndPoint("Tape.recordVector", f, x0);
        Tape tape = new Tape();
        Var[] y = f.apply(tape.variables(x0));
        if (y == null || y.length == 0) throw new IllegalArgumentException("the function returned no outputs");
        return tape.finish(y);
    }

    // A null x0 would otherwise be a bare NullPointerException from inside variables(); a
    // non-finite one would record a tape whose every evaluation fails.
    static void requireFunctionAndPoint(String method, Object f, double[] x0) {
        ObjectiveChecks.requireNonNull(method, "f", f);
        ObjectiveChecks.requireNonNull(method, "x0", x0);
        ObjectiveChecks.requireFinite(method, "x0", x0);
    }

    /**
     * A new input variable (the next position of x) with value {@code x0}.
     *
     * @param x0 its value at the recording point
     * @return the new variable
     */
    public Var variable(double x0) {
        checkRecordable();
        return new Var(this, builder.input(x0), x0);
    }

    /**
     * New input variables, one per entry of {@code x0}, in order.
     *
     * @param x0 their values at the recording point
     * @return the new variables
     */
    public Var[] variables(double... x0) {
        Var[] x = new Var[x0.length];
        for (int i = 0; i < x0.length; i++) x[i] = variable(x0[i]);
        return x;
    }

    /**
     * A constant node (constants in binary operations need none: use the double overloads).
     *
     * @param c the value
     * @return the constant as a {@code Var}
     */
    public Var constant(double c) {
        beginOperation();
        return new Var(this, builder.constant(c), c);
    }

    /**
     * Number of operations recorded so far (constants and arithmetic; inputs not counted).
     *
     * @return the operation count
     */
    public long operations() {
        return operations;
    }

    /**
     * Number of nodes recorded so far.
     *
     * @return the node count
     */
    public int size() {
        return builder.size();
    }

    /**
     * Whether {@link #finish} has been called.
     *
     * @return true once finished
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the tape and returns the recording of the scalar function with output {@code y}.
     *
     * @param y the output, recorded on this tape
     * @return the immutable recording
     */
    public Recording finish(Var y) {
        return finish(new Var[] {y});
    }

    /**
     * Closes the tape and returns the recording with the given outputs, in order.
     *
     * @param outputs the outputs, recorded on this tape
     * @return the immutable recording
     */
    public Recording finish(Var... outputs) {
        checkRecordable();
        int[] nodes = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) nodes[k] = own(outputs[k], "output " + k).node();
        closed = true;
        return new Recording(builder.build(nodes), operations);
    }

    @Override
    public String toString() {
        return "Tape#" + id + (closed ? " (closed, " : " (") + builder.size() + " nodes)";
    }

    // ---- recording, called by Var ----

    Var unary(byte op, Var x) {
        beginOperation();
        long difference = own(x, Op.name(op)).unrecordedDifference();
        if (op == Op.SQUARE && difference != 0) {
            // The square of a difference not yet recorded is one node; the difference stays unrecorded.
            int node = builder.squaredDifference(difference);
            return new Var(this, node, builder.value(node));
        }
        int xNode = x.currentNode();
        if (xNode >= 0 && builder.fuseInPlace(op, xNode)) {
            // The n-ary node x now computes op(x); x's own Var records a plain copy if used again.
            x.fusedAway(TapeBuilder.lostNary(xNode));
            return new Var(this, xNode, builder.value(xNode));
        }
        int node = builder.unary(op, x.node());
        return new Var(this, node, builder.value(node));
    }

    Var binary(byte op, Var x, Var y) {
        // x.times(x) is x.square(): one operand to read, and a difference's square fuses further.
        if (op == Op.MUL && x == y) return unary(Op.SQUARE, own(x, Op.name(op)));
        beginOperation();
        int xNode = own(x, Op.name(op)).node();
        int yNode = own(y, Op.name(op)).node();
        if (op == Op.SUB) {
            // A difference is recorded where it is first used: under a norm or a square it becomes part
            // of the distance or squared-difference node and never takes a node of its own.
            return Var.unrecorded(this, builder.deferredSubtraction(xNode, yNode), Rules.binary(op, x.value(), y.value()));
        }
        if (op == Op.ADD) {
            // A sum of squared differences (a stencil's squared gradient) is one squared-distance node.
            int node = builder.squaredDistance(xNode, yNode);
            if (node >= 0) return new Var(this, node, builder.value(node));
        }
        int node = builder.binary(op, xNode, yNode);
        return new Var(this, node, builder.value(node));
    }

    Var withConstant(byte op, Var x, double c) {
        beginOperation();
        int xNode = own(x, Op.name(op)).node();
        if (op == Op.SUB_CONST || op == Op.CONST_SUB) {
            // Deferred like a subtraction of two nodes: squared, it is one node.
            long difference = builder.deferredDifferenceWithConstant(op, xNode, c);
            if (difference != 0) return Var.unrecorded(this, difference, Rules.withConstant(op, x.value(), c));
        }
        if (op == Op.ADD_CONST) {
            // c + a squared distance is one node too, which a square root then fuses into.
            int node = builder.squaredDistancePlus(xNode, c);
            if (node >= 0) return new Var(this, node, builder.value(node));
        }
        int node = builder.withConstant(op, xNode, c);
        return new Var(this, node, builder.value(node));
    }

    Var nary(byte op, Var[] args, double[] weights) {
        beginOperation();
        if (scratch.length < 2 * args.length) scratch = new int[Math.max(2 * args.length, scratch.length * 2)];
        String what = Op.name(op);
        for (Var arg : args) own(arg, what);
        if (op == Op.NORM && differences(args)) {
            int node = builder.nary(Op.DISTANCE, scratch, 2 * args.length, null);
            return new Var(this, node, builder.value(node));
        }
        for (int k = 0; k < args.length; k++) scratch[k] = args[k].node();
        int node = builder.nary(op, scratch, args.length, weights);
        return new Var(this, node, builder.value(node));
    }

    // Var.norm of two or three components: as nary(NORM, ...), without an array of Vars (storing the
    // new Vars into one the tape keeps would cost a write barrier each, once the tape is old).
    Var norm(Var a, Var b) {
        return norm(a, b, null, 2);
    }

    Var norm(Var a, Var b, Var c) {
        return norm(a, b, c, 3);
    }

    private Var norm(Var a, Var b, Var c, int count) {
        beginOperation();
        String what = Op.name(Op.NORM);
        own(a, what);
        own(b, what);
        if (count == 3) own(c, what);
        if (difference(a, 0, count) && difference(b, 1, count) && (count == 2 || difference(c, 2, count))) {
            int node = builder.distance(scratch, count, a.value(), b.value(), count == 3 ? c.value() : 0);
            return new Var(this, node, builder.value(node));
        }
        scratch[0] = a.node();
        scratch[1] = b.node();
        if (count == 3) scratch[2] = c.node();
        int node = builder.nary(Op.NORM, scratch, count, null);
        return new Var(this, node, builder.value(node));
    }

    // A norm of differences, norm(x_0 - y_0, ..., x_k-1 - y_k-1), is one distance node over
    // (x_0..x_k-1, y_0..y_k-1): true, with those arguments in scratch, if every arg is a difference.
    private boolean differences(Var[] args) {
        for (int k = 0; k < args.length; k++) {
            if (!difference(args[k], k, args.length)) return false;
        }
        return args.length > 0;
    }

    // True if v is a difference x - y, recorded or not, putting x at scratch[k] and y at scratch[count + k].
    private boolean difference(Var v, int k, int count) {
        long unrecorded = v.unrecordedDifference();
        if (TapeBuilder.isSubtraction(unrecorded)) {
            scratch[k] = TapeBuilder.minuend(unrecorded);
            scratch[count + k] = TapeBuilder.subtrahend(unrecorded);
            return true;
        }
        int node = v.currentNode();
        if (node < 0 || builder.opcode(node) != Op.SUB) return false;
        scratch[k] = builder.operandA(node);
        scratch[count + k] = builder.operandB(node);
        return true;
    }

    // Var.sum(n, term): each term's node goes to the writer's sum as soon as the term is recorded.
    Var sum(Var first, int n, IntFunction<Var> term) {
        checkRecordable();
        int mark = builder.startSum();
        openSums++;
        try {
            builder.sumTerm(own(first, "sum").node());
            for (int k = 1; k < n; k++) {
                Var t = term.apply(k);
                if (t == null) throw new NullPointerException("null Var passed to sum (term " + k + " of " + n + ")");
                builder.sumTerm(own(t, "sum").node());
            }
            return endSum(mark);
        } finally {
            openSums--;
            builder.abandonSum(mark);
        }
    }

    // Var.sum(tape, body): as above, with the body adding each term through terms.add.
    Var sum(Consumer<Terms> body) {
        checkRecordable();
        int mark = builder.startSum();
        Terms terms = new Terms(this, ++openSums);
        try {
            body.accept(terms);
            return builder.sumSize(mark) == 0 ? constant(0) : endSum(mark);
        } finally {
            terms.close();
            openSums--;
            builder.abandonSum(mark);
        }
    }

    // Terms.add: the term goes to the sum of the given level, which must be the innermost open one.
    void sumTerm(int level, Var term) {
        checkRecordable();
        if (level == 0 || level != openSums) {
            throw new IllegalStateException(level == 0
                    ? "a term was added to a sum whose body has returned: add terms inside the body of Var.sum"
                    : "a term was added to a sum while a sum nested inside it was being recorded: add it to the"
                            + " inner sum, or to the outer one after the inner sum returns");
        }
        builder.sumTerm(own(term, "sum").node());
    }

    private Var endSum(int mark) {
        beginOperation();
        int node = builder.endSum(mark);
        return new Var(this, node, builder.value(node));
    }

    // Records again a node that was fused into the node that used it (see Var#fusedAway).
    int rerecord(long lost) {
        return builder.rerecord(lost);
    }

    boolean guard(int relation, Var x, Var y) {
        checkRecordable();
        boolean outcome = Guards.holds(relation, x.value(), own(y, "comparison").value());
        builder.guard(relation, own(x, "comparison").node(), y.node(), 0, outcome);
        return outcome;
    }

    boolean guard(int relation, Var x, double c) {
        checkRecordable();
        boolean outcome = Guards.holds(relation, x.value(), c);
        builder.guard(relation, own(x, "comparison").node(), -1, c, outcome);
        return outcome;
    }

    // The tape of the first argument of a static n-ary operation.
    static Tape of(String what, Var first) {
        if (first == null) throw new NullPointerException("null Var passed to " + what);
        return first.tape();
    }

    static Tape of(String what, Var[] args) {
        if (args == null) throw new NullPointerException(what + ": the array of terms is null");
        if (args.length == 0) {
            throw new IllegalArgumentException(what + " of no terms: there is no tape to record on; inside a"
                    + " ScalarFunction write x[0].tape().constant(0)" + (what.equals("sum")
                    ? ", or Var.sum(x[0].tape(), terms), which accepts no terms" : " for the empty " + what));
        }
        return args[0].tape();
    }

    private Var own(Var v, String where) {
        if (v == null) throw new NullPointerException("null Var passed to " + where);
        if (v.tape() != this) {
            throw new ForeignVarException("a Var of " + v.tape() + " was passed to " + where + " on " + this
                    + ": all values of one function must be recorded on one tape");
        }
        return v;
    }

    // Every operation the function performs counts, whether or not recording fuses it away.
    private void beginOperation() {
        checkRecordable();
        operations++;
    }

    private void checkRecordable() {
        if (closed) {
            throw new ClosedTapeException(this + " is finished; evaluate its Recording at new points instead of extending it");
        }
        if (Thread.currentThread() != owner) {
            throw new ConcurrentRecordingException(this + " belongs to thread '" + owner.getName()
                    + "' but thread '" + Thread.currentThread().getName() + "' tried to record on it;"
                    + " record on one thread and share the finished Recording");
        }
    }
}
