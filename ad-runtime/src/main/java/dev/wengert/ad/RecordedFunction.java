package dev.wengert.ad;

/**
 * A scalar function kept with its current {@link Recording}: the high-level, always-correct way to
 * evaluate a function many times. Each call replays the recording; if x makes a recorded
 * comparison flip, the function is recorded again at x (and that recording is kept for later
 * calls), so derivatives always belong to the branch f takes at x.
 *
 * <pre>{@code
 * RecordedFunction f = Derivatives.record(x -> x[0].gt(0) ? x[0].square() : x[0].times(-3), 1.0);
 * double[] g = new double[1];
 * f.gradient(new double[] {2.0}, g);    // replay: g = [4]
 * f.gradient(new double[] {-2.0}, g);   // the guard flips: re-recorded, g = [-3]
 * }</pre>
 *
 * <p>Thread-safe: threads share the current recording; a thread that meets a flipped guard
 * records on its own tape and publishes the result.
 */
public final class RecordedFunction implements Objective {
    private final ScalarFunction f;
    private final int dimension;
    private volatile Recording current;
    private volatile int recordings;
    private volatile SparsityPattern pattern;

    RecordedFunction(ScalarFunction f, double[] x0) {
        this.f = f;
        this.dimension = x0.length;
        this.current = Tape.record(f, x0);
        this.recordings = 1;
    }

    /**
     * Number of inputs, n.
     *
     * @return n
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The recording in use now.
     *
     * @return the current recording
     */
    public Recording recording() {
        return current;
    }

    /**
     * How many times f has been recorded (1 plus one per flipped guard met).
     *
     * @return the number of recordings made so far
     */
    public int recordings() {
        return recordings;
    }

    @Override
    public double value(double[] x) {
        try {
            return current.value(x);
        } catch (GuardFlippedException flipped) {
            return rerecord(x).value(x);
        }
    }

    @Override
    public double gradient(double[] x, double[] g) {
        try {
            return current.gradient(x, g);
        } catch (GuardFlippedException flipped) {
            // Recorded at x and swept there for the gradient, then kept: one replay fewer than rerecord(x).gradient.
            return Tape.gradient(f, x, g, this::publish);
        }
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        try {
            current.hessianVector(x, v, hv);
        } catch (GuardFlippedException flipped) {
            rerecord(x).hessianVector(x, v, hv);
        }
    }

    @Override
    public double gradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
        try {
            return current.gradientAndHessianVector(x, v, g, hv);
        } catch (GuardFlippedException flipped) {
            return rerecord(x).gradientAndHessianVector(x, v, g, hv);
        }
    }

    @Override
    public void hessian(double[] x, double[] h) {
        try {
            current.hessian(x, h);
        } catch (GuardFlippedException flipped) {
            rerecord(x).hessian(x, h);
        }
    }

    /**
     * The Hessian pattern of the recording in use when first asked; kept from then on, so that every
     * {@link #sparseHessian} writes its values in this order.
     */
    @Override
    public SparsityPattern hessianPattern() {
        SparsityPattern p = pattern;
        if (p == null) {
            synchronized (this) {
                if (pattern == null) pattern = current.hessianPattern();
                p = pattern;
            }
        }
        return p;
    }

    /**
     * Writes the Hessian's non-zeros in the order of {@link #hessianPattern()}. Where x takes another
     * branch (re-recorded), the new branch's non-zeros are written into that pattern, zeros elsewhere;
     * if the new branch has an entry outside it, throws {@link IllegalStateException}: ask for
     * {@code recording().hessianPattern()} again and use that.
     */
    @Override
    public void sparseHessian(double[] x, double[] values) {
        ObjectiveChecks.requireLength("sparseHessian", "x", x, dimension);
        SparsityPattern published = hessianPattern();
        ObjectiveChecks.requireLength("sparseHessian", "values", values, published.nonZeros());
        try {
            writeInto(current, x, values, published);
        } catch (GuardFlippedException flipped) {
            writeInto(rerecord(x), x, values, published);
        }
    }

    // The recording's sparse Hessian in the published pattern's order.
    private static void writeInto(Recording r, double[] x, double[] values, SparsityPattern published) {
        SparsityPattern own = r.hessianPattern();
        if (own.equals(published)) {
            r.sparseHessian(x, values);
            return;
        }
        double[] ownValues = new double[own.nonZeros()];
        r.sparseHessian(x, ownValues);
        java.util.Arrays.fill(values, 0.0);
        for (int row = 0; row < own.rows(); row++) {
            for (int k = own.rowStart(row); k < own.rowStart(row + 1); k++) {
                int at = published.indexOf(row, own.column(k));
                if (at < 0) {
                    throw new IllegalStateException("sparseHessian: at this x the function takes another branch, whose"
                            + " Hessian has entry (" + row + ", " + own.column(k) + ") outside the pattern"
                            + " hessianPattern() returned; use recording().hessianPattern() and Recording.sparseHessian");
                }
                values[at] = ownValues[k];
            }
        }
    }

    private Recording rerecord(double[] x) {
        Recording fresh = Tape.record(f, x);
        publish(fresh);
        return fresh;
    }

    private void publish(Recording fresh) {
        current = fresh;
        synchronized (this) {
            recordings++;
        }
    }
}
