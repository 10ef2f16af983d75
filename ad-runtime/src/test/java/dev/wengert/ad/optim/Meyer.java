package dev.wengert.ad.optim;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Var;

/**
 * Meyer's thermistor-resistance fit (Moré, Garbow and Hillstrom 1981, problem 10): the sum of squares of
 * r_i = x1 exp(x2 / (t_i + x3)) - y_i, t_i = 45 + 5 i, i = 1..16, with the published data. The
 * parameters differ in scale by six orders of magnitude (x1 ~ 5.6e-3, x2 ~ 6.2e3, x3 ~ 345) and the
 * Hessian's condition number is about 1e12 near the minimum f* = 87.9458: the classic badly scaled
 * least-squares problem. On the tape, so the optimisers see what a user's recording gives them.
 */
final class Meyer {

    /** The published residual at the minimum: MGH give f* = 87.9458... . */
    static final double MINIMUM = 87.9458;

    private static final double[] Y = {
        34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744,
        8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872,
    };

    private Meyer() {}

    /** The standard starting point (0.02, 4000, 250). */
    static double[] start() {
        return new double[] {0.02, 4000.0, 250.0};
    }

    static Objective objective() {
        return Derivatives.record(Meyer::sumOfSquares, start());
    }

    private static Var sumOfSquares(Var[] x) {
        Var[] squares = new Var[Y.length];
        for (int i = 0; i < Y.length; i++) {
            double t = 45.0 + 5.0 * (i + 1);
            squares[i] = x[0].times(x[1].div(x[2].plus(t)).exp()).minus(Y[i]).square();
        }
        return Var.sum(squares);
    }
}
