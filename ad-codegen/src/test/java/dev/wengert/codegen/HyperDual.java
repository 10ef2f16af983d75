package dev.wengert.codegen;

/**
 * A hyper-dual number a + b e1 + c e2 + d e1 e2 (e1^2 = e2^2 = 0): seeding x_i along e1 and x_j
 * along e2 gives f, df/dx_i, df/dx_j and d2f/dx_i dx_j exactly. The test oracle for random
 * kernels; its derivative formulas are written here independently of the processor's rules.
 */
record HyperDual(double a, double b, double c, double d) implements Num {

    @Override
    public double value() {
        return a;
    }

    static HyperDual constant(double v) {
        return new HyperDual(v, 0, 0, 0);
    }

    @Override
    public Num plus(Num other) {
        HyperDual o = (HyperDual) other;
        return new HyperDual(a + o.a, b + o.b, c + o.c, d + o.d);
    }

    @Override
    public Num minus(Num other) {
        HyperDual o = (HyperDual) other;
        return new HyperDual(a - o.a, b - o.b, c - o.c, d - o.d);
    }

    @Override
    public Num negate() {
        return new HyperDual(-a, -b, -c, -d);
    }

    @Override
    public Num times(Num other) {
        HyperDual o = (HyperDual) other;
        return new HyperDual(a * o.a, a * o.b + b * o.a, a * o.c + c * o.a, a * o.d + b * o.c + c * o.b + d * o.a);
    }

    @Override
    public Num div(Num other) {
        HyperDual o = (HyperDual) other;
        return times(o.chain(1 / o.a, -1 / (o.a * o.a), 2 / (o.a * o.a * o.a)));
    }

    /** f(this) given f(a), f'(a), f''(a). */
    HyperDual chain(double f, double f1, double f2) {
        return new HyperDual(f, f1 * b, f1 * c, f1 * d + f2 * b * c);
    }

    @Override
    public Num sin() {
        return chain(Math.sin(a), Math.cos(a), -Math.sin(a));
    }

    @Override
    public Num cos() {
        return chain(Math.cos(a), -Math.sin(a), -Math.cos(a));
    }

    @Override
    public Num tanh() {
        double t = Math.tanh(a);
        return chain(t, 1 - t * t, -2 * t * (1 - t * t));
    }

    @Override
    public Num atan() {
        double q = 1 + a * a;
        return chain(Math.atan(a), 1 / q, -2 * a / (q * q));
    }

    @Override
    public Num exp() {
        double e = Math.exp(a);
        return chain(e, e, e);
    }

    @Override
    public Num log() {
        return chain(Math.log(a), 1 / a, -1 / (a * a));
    }

    @Override
    public Num sqrt() {
        double s = Math.sqrt(a);
        return chain(s, 0.5 / s, -0.25 / (s * a));
    }

    @Override
    public Num pow(double p) {
        return chain(Math.pow(a, p), p * Math.pow(a, p - 1), p * (p - 1) * Math.pow(a, p - 2));
    }
}
