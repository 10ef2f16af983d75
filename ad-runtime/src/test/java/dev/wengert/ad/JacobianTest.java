package dev.wengert.ad;

import static dev.wengert.ad.Close.assertClose;

import org.junit.jupiter.api.Test;

/**
 * Jacobians of vector functions against closed forms, on both paths of {@link Recording#jacobian}:
 * m <= n (one reverse sweep per output) and m > n (one forward sweep per input).
 */
class JacobianTest {
    // A handful of operations per entry: a few ulps each.
    private static final double RTOL = 1e-14;
    private static final double ATOL = 1e-15;

    /** R^3 -> R^2 (reverse path): (x0 x1 x2, sin(x0) + x1^2). */
    private static Var[] wide(Var[] x) {
        return new Var[] {x[0].times(x[1]).times(x[2]), x[0].sin().plus(x[1].square())};
    }

    private static double[] wideJacobian(double[] x) {
        return new double[] {
            x[1] * x[2], x[0] * x[2], x[0] * x[1],
            Math.cos(x[0]), 2 * x[1], 0};
    }

    /** R^2 -> R^3 (forward path): polar and a product. */
    private static Var[] tall(Var[] x) {
        return new Var[] {Var.hypot(x[0], x[1]), Var.atan2(x[1], x[0]), x[0].times(x[1]).exp()};
    }

    private static double[] tallJacobian(double[] x) {
        double r = Math.hypot(x[0], x[1]);
        double e = Math.exp(x[0] * x[1]);
        return new double[] {
            x[0] / r, x[1] / r,
            -x[1] / (r * r), x[0] / (r * r),
            x[1] * e, x[0] * e};
    }

    @Test
    void jacobianWithFewerOutputsThanInputsMatchesClosedForm() {
        double[] x = {0.7, -1.3, 2.0};
        Recording r = Recordings.vector(JacobianTest::wide, x);
        double[] jac = new double[6];
        r.jacobian(x, jac);
        assertClose(wideJacobian(x), jac, RTOL, ATOL, "J");
    }

    @Test
    void jacobianWithMoreOutputsThanInputsMatchesClosedForm() {
        double[] x = {3.0, -4.0};
        Recording r = Recordings.vector(JacobianTest::tall, x);
        double[] jac = new double[6];
        r.jacobian(x, jac);
        assertClose(tallJacobian(x), jac, RTOL, ATOL, "J");
    }

    @Test
    void recordedJacobianReplaysAtANewPoint() {
        Recording wide = Recordings.vector(JacobianTest::wide, 1, 1, 1);
        Recording tall = Recordings.vector(JacobianTest::tall, 1, 1);
        double[] x3 = {-0.2, 0.9, 1.7};
        double[] x2 = {-1.5, 0.25};
        double[] j1 = new double[6];
        double[] j2 = new double[6];
        wide.jacobian(x3, j1);
        tall.jacobian(x2, j2);
        assertClose(wideJacobian(x3), j1, RTOL, ATOL, "wide J");
        assertClose(tallJacobian(x2), j2, RTOL, ATOL, "tall J");
    }

    @Test
    void oneCallJacobianMatchesClosedForm() {
        assertClose(tallJacobian(new double[] {0.5, 2}), Derivatives.jacobian(JacobianTest::tall, 0.5, 2), RTOL, ATOL, "J");
    }

    @Test
    void valuesOfAVectorRecordingMatchTheFunction() {
        Recording r = Recordings.vector(JacobianTest::tall, 1, 1);
        double[] y = new double[3];
        r.values(new double[] {3, 4}, y);
        assertClose(new double[] {5, Math.atan2(4, 3), Math.exp(12)}, y, RTOL, 0, "y");
    }

    @Test
    void jacobianOfAScalarRecordingIsItsGradient() {
        double[] x = {0.3, -0.8};
        Recording r = Recordings.scalar(v -> v[0].times(v[1]).sin(), x);
        double[] jac = new double[2];
        r.jacobian(x, jac);
        double c = Math.cos(x[0] * x[1]);
        assertClose(new double[] {x[1] * c, x[0] * c}, jac, RTOL, ATOL, "J");
    }
}
