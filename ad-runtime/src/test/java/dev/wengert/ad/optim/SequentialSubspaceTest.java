package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hager's sequential subspace method against the dense solver. A = H diag(lambda) H with a Householder
 * reflector H = I - 2 u u^T: products cost O(n), and the dense solver runs on the same problem in H's
 * basis (diag(lambda), H b), so that n = 2000 is checked against it without an O(n^3) eigensolver.
 */
class SequentialSubspaceTest {

    private static final double TOLERANCE = 1e-11;

    /** The problem A = H diag(lambda) H, b = H beta. */
    private record Problem(double[] u, double[] lambda, double[] beta) {
        int n() {
            return lambda.length;
        }

        double[] reflect(double[] v) {
            double[] out = v.clone();
            Vectors.axpy(-2.0 * Vectors.dot(u, v), u, out);
            return out;
        }

        void apply(double[] v, double[] out) {
            double[] w = reflect(v);
            for (int i = 0; i < w.length; i++) {
                w[i] *= lambda[i];
            }
            System.arraycopy(reflect(w), 0, out, 0, out.length);
        }

        double[] b() {
            return reflect(beta);
        }

        /** The dense solver's minimiser, mapped back from H's basis. */
        QuadraticOnSphere.Solution dense(double radius) {
            int n = n();
            double[] diagonal = new double[n * n];
            for (int i = 0; i < n; i++) {
                diagonal[i * n + i] = lambda[i];
            }
            QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(diagonal, beta, radius);
            return new QuadraticOnSphere.Solution(reflect(s.z()), s.multiplier(), s.value(), s.hardCase());
        }
    }

    /** lambda_0 = -1 below a gap, the rest spread over [-0.5, 3]; beta random (0 along lambda_0 in the hard case). */
    private static Problem problem(int n, boolean hard, double betaScale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[n];
        double[] lambda = new double[n];
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextDouble() - 0.5;
            lambda[i] = i == 0 ? -1.0 : -0.5 + 3.5 * random.nextDouble();
            beta[i] = betaScale * (random.nextDouble() - 0.5);
        }
        if (hard) {
            beta[0] = 0.0;
        }
        Vectors.scale(1.0 / Vectors.norm(u), u);
        return new Problem(u, lambda, beta);
    }

    private static void agreesWithTheDenseSolver(Problem p, double radius) {
        QuadraticOnSphere.Solution dense = p.dense(radius);
        QuadraticOnSphere.Solution ssm = SequentialSubspace.minimize(p::apply, p.b(), radius, TOLERANCE, 20_000);
        assertEquals(radius, Vectors.norm(ssm.z()), 1e-12 * radius);
        // Values and multipliers agree to the tolerance times the problem's scale (|b| + (|mu| + |A|) r).
        double scale = Vectors.norm(p.b()) + 4.0 * radius;
        assertEquals(dense.value(), ssm.value(), 1e-9 * scale * radius);
        assertEquals(dense.multiplier(), ssm.multiplier(), 1e-8 * scale);
        double[] z = dense.z();
        double[] mirrored = z.clone();   // in the hard case -(eigenvector term) is optimal too
        double[] q0 = p.reflect(unit(p.n(), 0));
        Vectors.axpy(-2.0 * Vectors.dot(q0, z), q0, mirrored);
        double distance = Math.min(Vectors.distance(z, ssm.z()), Vectors.distance(mirrored, ssm.z()));
        assertTrue(distance <= 1e-6 * radius, "distance to the dense minimiser " + distance);
    }

    private static double[] unit(int n, int i) {
        double[] e = new double[n];
        e[i] = 1.0;
        return e;
    }

    @Test
    void easyCaseAtN60MatchesTheDenseSolver() {
        agreesWithTheDenseSolver(problem(60, false, 1.0, 1), 1.0);
    }

    @Test
    void hardCaseAtN60MatchesTheDenseSolver() {
        Problem p = problem(60, true, 0.05, 2);
        assertTrue(p.dense(1.0).hardCase(), "the fixture must be the hard case");
        agreesWithTheDenseSolver(p, 1.0);
    }

    @Test
    void easyCaseAtN2000MatchesTheDenseSolver() {
        agreesWithTheDenseSolver(problem(2000, false, 1.0, 3), 2.0);
    }

    @Test
    void hardCaseAtN2000MatchesTheDenseSolver() {
        Problem p = problem(2000, true, 0.005, 4);
        assertTrue(p.dense(1.0).hardCase(), "the fixture must be the hard case");
        agreesWithTheDenseSolver(p, 1.0);
    }

    @Test
    void tooFewIterationsAreReportedWithTheFix() {
        Problem p = problem(200, false, 1.0, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequentialSubspace.minimize(p::apply, p.b(), 1.0, 1e-14, 2));
        assertTrue(e.getMessage().contains("allow more iterations"), e.getMessage());
    }
}
