package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.Test;

/**
 * Recording fuses what the user writes naturally (a norm of subtractions becomes one distance
 * node; a reciprocal of it is fused on top; a difference's square is one node, and a sum of such squares
 * with a constant and a square root one squared-distance node) and must stay exact
 * when the fused-away values are used again, compared, or not adjacent. A subtraction is recorded
 * at its first use, so only the uses that do not fuse it give it a node of its own.
 */
class FusionTest {
    private static final double[] X = {0.3, -1.1, 0.7, 1.4, 0.2, -0.5};
    private static final double[] V = {0.5, -0.25, 1.0, 0.75, -1.5, 0.125};

    @Test
    void thomsonPairTermIsOneNodePerPair() {
        int n = 12;
        Recording r = Tape.record(ThomsonWorkload::energy, ThomsonWorkload.points(n));
        // inputs + one fused distance-reciprocal node per pair + the sum
        assertEquals(3 * n + n * (n - 1) / 2 + 1, r.size());
    }

    @Test
    void subtractionsUsedAgainAfterTheNormAreRecordedAgain() {
        ScalarFunction f = x -> {
            Var dx = x[0].minus(x[3]);
            Var dy = x[1].minus(x[4]);
            Var dz = x[2].minus(x[5]);
            Var r = Var.norm(dx, dy, dz);
            return r.plus(dx.times(dy)).plus(dz.square());
        };
        assertMatchesClosedForm(f, (x, g, h) -> {
            double dx = x[0] - x[3], dy = x[1] - x[4], dz = x[2] - x[5];
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double[] d = {dx, dy, dz};
            // f = r + dx dy + dz^2 in the difference variables d; chain to x with +d for p, -d for q.
            double[] gd = {dx / r + dy, dy / r + dx, dz / r + 2 * dz};
            double[][] hd = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) hd[i][j] = ((i == j ? r * r : 0) - d[i] * d[j]) / (r * r * r);
            }
            hd[0][1] += 1;
            hd[1][0] += 1;
            hd[2][2] += 2;
            spread(gd, hd, g, h);
            return r + dx * dy + dz * dz;
        });
    }

    @Test
    void normUsedAgainAfterItsReciprocalIsRecordedAgain() {
        ScalarFunction f = x -> {
            Var r = Var.norm(x[0].minus(x[3]), x[1].minus(x[4]), x[2].minus(x[5]));
            return r.reciprocal().plus(r.square());
        };
        assertMatchesClosedForm(f, (x, g, h) -> {
            double[] d = {x[0] - x[3], x[1] - x[4], x[2] - x[5]};
            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            double r = Math.sqrt(r2);
            // f = 1/r + r^2: grad_d = -d / r^3 + 2 d; Hess_d = 3 d d^T / r^5 - I / r^3 + 2 I.
            double[] gd = new double[3];
            double[][] hd = new double[3][3];
            for (int i = 0; i < 3; i++) {
                gd[i] = -d[i] / (r2 * r) + 2 * d[i];
                for (int j = 0; j < 3; j++) {
                    hd[i][j] = 3 * d[i] * d[j] / (r2 * r2 * r) - (i == j ? 1 / (r2 * r) - 2 : 0);
                }
            }
            spread(gd, hd, g, h);
            return 1 / r + r2;
        });
    }

    @Test
    void guardedSubtractionsAreNotFusedAwayAndTheGuardStillFires() {
        ScalarFunction f = x -> {
            Var dx = x[0].minus(x[3]);
            Var dy = x[1].minus(x[4]);
            Var dz = x[2].minus(x[5]);
            Var r = Var.norm(dx, dy, dz);
            return dz.gt(0) ? r : r.times(2);
        };
        Recording r = Tape.record(f, X);
        double[] g = new double[6];
        r.gradient(X, g);
        double[] expected = Derivatives.gradient(x -> Var.norm(x[0].minus(x[3]), x[1].minus(x[4]), x[2].minus(x[5])), X);
        assertEquals(expected[0], g[0], 1e-15);
        double[] flipped = X.clone();
        flipped[2] = -2;   // dz = -2 - (-0.5) < 0: the guard on dz flips
        org.junit.jupiter.api.Assertions.assertThrows(GuardFlippedException.class, () -> r.gradient(flipped, g));
    }

    @Test
    void nonAdjacentSubtractionsStillGiveTheDistance() {
        ScalarFunction f = x -> {
            Var dx = x[0].minus(x[3]);
            Var unrelated = x[0].sin();
            Var dy = x[1].minus(x[4]);
            Var dz = x[2].minus(x[5]);
            return Var.norm(dx, dy, dz).reciprocal().plus(unrelated);
        };
        Recording r = Tape.record(f, X);
        GradientCheck.Report gradient = GradientCheck.gradient(r, X);
        GradientCheck.Report hessian = GradientCheck.hessian(r, X);
        assertTrue(gradient.passes(1e-7, 1e-9), gradient.toString());
        assertTrue(hessian.passes(1e-6, 1e-8), hessian.toString());
    }

    // ---- x.minus(y).square(): one squared-difference node ----

    // The stencil form: both differences first, then their squares (the grid energy's cell).
    private static final ScalarFunction STENCIL = x -> {
        Var dx = x[1].minus(x[0]);
        Var dy = x[2].minus(x[0]);
        return dx.square().plus(dy.square()).plus(1).sqrt();
    };

    @Test
    void squaresOfDifferencesRecordedBeforeThemAreOneNodeEach() {
        Recording r = Tape.record(STENCIL, X);
        // 6 inputs and one node: the squared distance of (x1, x2) from (x0, x0) that adds 1, its square root fused in
        assertEquals(6 + 1, r.size());
        assertMatchesClosedForm(STENCIL, (x, g, h) -> {
            double dx = x[1] - x[0], dy = x[2] - x[0];
            double s = Math.sqrt(1 + dx * dx + dy * dy);
            // f = sqrt(1 + dx^2 + dy^2) with dx = x1 - x0, dy = x2 - x0: df/d(dx) = dx / s, the Hessian in
            // (dx, dy) is (I - u u^T) / s with u = (dx, dy) / s, spread to x by the chain rule.
            double[][] jd = {{-1, 1, 0}, {-1, 0, 1}};
            double[] gd = {dx / s, dy / s};
            double[][] hd = {{(1 - dx * dx / (s * s)) / s, -dx * dy / (s * s * s)},
                    {-dx * dy / (s * s * s), (1 - dy * dy / (s * s)) / s}};
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 2; k++) g[i] += gd[k] * jd[k][i];
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 2; k++) for (int l = 0; l < 2; l++) h[i * 6 + j] += jd[k][i] * hd[k][l] * jd[l][j];
                }
            }
            return s;
        });
    }

    // ---- sums of squared differences: one squared-distance node ----

    @Test
    void aSumOfThreeSquaredDifferencesIsOneNodeWhicheverWayRoundItIsAdded() {
        ScalarFunction leftToRight = x -> x[0].minus(x[3]).square().plus(x[1].minus(x[4]).square())
                .plus(x[2].minus(x[5]).square());
        ScalarFunction lastFirst = x -> x[2].minus(x[5]).square().plus(x[0].minus(x[3]).square()
                .plus(x[1].minus(x[4]).square()));
        for (ScalarFunction f : new ScalarFunction[] {leftToRight, lastFirst}) {
            assertEquals(6 + 1, Tape.record(f, X).size());
            assertMatchesClosedForm(f, (x, g, h) -> {
                double[] d = {x[0] - x[3], x[1] - x[4], x[2] - x[5]};
                double[] gd = {2 * d[0], 2 * d[1], 2 * d[2]};
                spread(gd, new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}, g, h);
                return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            });
        }
        // The value is the additions' to the bit: the pairs are summed in the order they were added.
        double[] d = {X[0] - X[3], X[1] - X[4], X[2] - X[5]};
        assertEquals((d[0] * d[0] + d[1] * d[1]) + d[2] * d[2], Tape.record(leftToRight, X).value(X), 0);
        assertEquals(d[2] * d[2] + (d[0] * d[0] + d[1] * d[1]), Tape.record(lastFirst, X).value(X), 0);
    }

    @Test
    void aSquaredDistanceUsedAgainBeforeAndAfterItsConstantAndRootKeepsEveryValue() {
        // s = dx^2 + dy^2 is read again after s + 1 and its root are recorded, and so is dx^2 itself.
        ScalarFunction f = x -> {
            Var dx2 = x[0].minus(x[3]).square();
            Var s = dx2.plus(x[1].minus(x[4]).square());
            Var root = s.plus(1).sqrt();
            return root.plus(s.times(0.5)).plus(dx2.times(dx2));
        };
        assertMatchesClosedForm(f, (x, g, h) -> {
            double dx = x[0] - x[3], dy = x[1] - x[4];
            double s = dx * dx + dy * dy;
            double q = Math.sqrt(1 + s);
            // f = q + s / 2 + dx^4 in (dx, dy, dz = 0)
            double[] gd = {dx / q + dx + 4 * dx * dx * dx, dy / q + dy, 0};
            double[][] hd = {{(q * q - dx * dx) / (q * q * q) + 1 + 12 * dx * dx, -dx * dy / (q * q * q), 0},
                    {-dx * dy / (q * q * q), (q * q - dy * dy) / (q * q * q) + 1, 0}, {0, 0, 0}};
            spread(gd, hd, g, h);
            return q + s / 2 + dx * dx * dx * dx;
        });
    }

    @Test
    void aLongChainOfSquaredDifferencesStaysLinearInSize() {
        // s = s.plus(d_k.square()) over 200,000 terms: past a few pairs the chain is plain additions, so the
        // recording does not copy a growing list of pairs at every step (which would take 2e10 pool slots).
        int n = 200_000;
        double[] x0 = new double[2 * n];
        for (int i = 0; i < x0.length; i++) x0[i] = Math.sin(i);
        ScalarFunction chain = x -> {
            Var s = x[0].minus(x[n]).square();
            for (int k = 1; k < n; k++) s = s.plus(x[k].minus(x[n + k]).square());
            return s;
        };
        Recording r = Tape.record(chain, x0);
        assertTrue(r.bytes() < 40L * 2 * n, r.bytes() + " bytes for " + n + " terms");
        double[] g = new double[2 * n];
        double expected = 0;
        r.gradient(x0, g);
        for (int k = 0; k < n; k++) {
            double d = x0[k] - x0[n + k];
            expected += d * d;
            assertEquals(2 * d, g[k], 0);
            assertEquals(-2 * d, g[n + k], 0);
        }
        assertEquals(expected, r.value(x0), 0, "the additions' value, to the bit");
    }

    @Test
    void sumsThatAreNotOfSquaredDifferencesAloneStayAdditions() {
        // Two squared distances added (their pairs would be summed in another order), a constant added twice,
        // a squared difference with a constant, and a square root that is not the last operation.
        ScalarFunction f = x -> {
            Var s1 = x[0].minus(x[3]).square().plus(x[1].minus(x[4]).square());
            Var s2 = x[2].minus(x[5]).square().plus(x[0].minus(x[5]).square());
            Var both = s1.plus(s2);
            Var twice = s1.plus(1).plus(2);
            Var withConstant = x[0].minus(0.5).square().plus(x[1].minus(x[2]).square());
            return both.plus(twice.sqrt()).plus(withConstant);
        };
        assertMatchesClosedForm(f, (x, g, h) -> {
            double a = x[0] - x[3], b = x[1] - x[4], c = x[2] - x[5], e = x[0] - x[5], w = x[0] - 0.5, u = x[1] - x[2];
            double t = a * a + b * b + 3;
            double q = Math.sqrt(t);
            // f = a^2 + b^2 + c^2 + e^2 + sqrt(a^2 + b^2 + 3) + w^2 + u^2, written straight in x.
            double[] ga = {2 * a + a / q, 2 * b + b / q};
            g[0] = ga[0] + 2 * e + 2 * w;
            g[3] = -ga[0];
            g[1] = ga[1] + 2 * u;
            g[4] = -ga[1];
            g[2] = 2 * c - 2 * u;
            g[5] = -2 * c - 2 * e;
            // The sqrt part's Hessian in (a, b), spread to (x0, x1) and (x3, x4).
            double[][] hab = {{(t - a * a) / (t * q), -a * b / (t * q)}, {-a * b / (t * q), (t - b * b) / (t * q)}};
            int[] p = {0, 1};
            int[] m = {3, 4};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    h[p[i] * 6 + p[j]] += hab[i][j];
                    h[m[i] * 6 + m[j]] += hab[i][j];
                    h[p[i] * 6 + m[j]] -= hab[i][j];
                    h[m[i] * 6 + p[j]] -= hab[i][j];
                }
            }
            // The squares: 2 on the diagonal of each difference, -2 between its two ends.
            int[][] ends = {{0, 3}, {1, 4}, {2, 5}, {0, 5}, {1, 2}};
            for (int[] d : ends) {
                h[d[0] * 6 + d[0]] += 2;
                h[d[1] * 6 + d[1]] += 2;
                h[d[0] * 6 + d[1]] -= 2;
                h[d[1] * 6 + d[0]] -= 2;
            }
            h[0] += 2;
            return a * a + b * b + c * c + e * e + q + w * w + u * u;
        });
    }

    // d^2 + 3 d with d = x0 - x3, the function of the tests below written three ways.
    private static final ClosedForm SQUARE_PLUS_THREE_TIMES = (x, g, h) -> {
        double d = x[0] - x[3];
        g[0] = 2 * d + 3;
        g[3] = -g[0];
        h[0] = 2;
        h[3 * 6 + 3] = 2;
        h[3] = -2;
        h[3 * 6] = -2;
        return d * d + 3 * d;
    };

    @Test
    void aDifferenceUsedAfterItsSquareIsRecordedAgain() {
        ScalarFunction f = x -> {
            Var d = x[0].minus(x[3]);
            return d.square().plus(d.times(3));
        };
        assertMatchesClosedForm(f, SQUARE_PLUS_THREE_TIMES);
    }

    @Test
    void aDifferenceTimesItselfIsItsSquare() {
        ScalarFunction f = x -> {
            Var d = x[0].minus(x[3]);
            return d.times(d).plus(d.times(3));
        };
        // 6 inputs, the squared difference, the difference recorded again, its product with 3, the sum
        assertEquals(6 + 4, Tape.record(f, X).size());
        assertMatchesClosedForm(f, SQUARE_PLUS_THREE_TIMES);
    }

    @Test
    void aDifferenceReadBeforeItsSquareOrGuardedIsSquaredAsTwoNodes() {
        ScalarFunction readBefore = x -> {
            Var d = x[0].minus(x[3]);
            Var e = d.times(3);
            return d.square().plus(e);
        };
        ScalarFunction guarded = x -> {
            Var d = x[0].minus(x[3]);
            return d.gt(-10) ? d.square().plus(d.times(3)) : d;
        };
        // The tape records the subtraction at its first use and squares it: one node more than the fused form.
        assertEquals(6 + 4, Tape.record(readBefore, X).size());
        assertEquals(6 + 4, Tape.record(guarded, X).size());
        for (ScalarFunction f : new ScalarFunction[] {readBefore, guarded}) {
            assertMatchesClosedForm(f, SQUARE_PLUS_THREE_TIMES);
        }
    }

    // ---- a subtraction is recorded at its first use, so it fuses however far back it was written ----

    @Test
    void aDifferenceWrittenLongBeforeItsSquareIsStillOneNode() {
        ScalarFunction farBack = x -> {
            Var d = x[0].minus(x[3]);
            Var noise = x[1];
            for (int k = 0; k < 20; k++) noise = noise.times(1.0);
            return d.square().plus(noise.times(0.0));
        };
        // 6 inputs, 20 products, the squared difference, the product with 0, the sum: no subtraction node
        assertEquals(6 + 20 + 3, Tape.record(farBack, X).size());
        assertMatchesClosedForm(farBack, (x, g, h) -> {
            double d = x[0] - x[3];
            g[0] = 2 * d;
            g[3] = -2 * d;
            h[0] = 2;
            h[3 * 6 + 3] = 2;
            h[3] = -2;
            h[3 * 6] = -2;
            return d * d;
        });
    }

    @Test
    void differencesWrittenLongBeforeTheirNormAreStillOneDistance() {
        ScalarFunction f = x -> {
            Var dx = x[0].minus(x[3]);
            Var dy = x[1].minus(x[4]);
            Var noise = x[5].sin();
            for (int k = 0; k < 20; k++) noise = noise.times(1.0);
            Var dz = x[2].minus(x[5]);
            return Var.norm(dx, dy, dz).reciprocal().plus(noise.times(0.0));
        };
        // 6 inputs, the sine, 20 products, the distance (its reciprocal fused on), the product with 0, the sum
        assertEquals(6 + 1 + 20 + 3, Tape.record(f, X).size());
        Recording r = Tape.record(f, X);
        Recording plain = Tape.record(x -> Var.norm(x[0].minus(x[3]), x[1].minus(x[4]), x[2].minus(x[5])).reciprocal(), X);
        double[] g = new double[6];
        double[] expected = new double[6];
        assertEquals(plain.gradient(X, expected), r.gradient(X, g), 0);
        Close.assertClose(expected, g, 0, 0, "gradient");
    }

    @Test
    void aDifferenceUsedOnlyAsAnOutputOrASumTermIsRecorded() {
        Recording output = Tape.record(x -> x[0].minus(x[3]), X);
        double[] g = new double[6];
        assertEquals(X[0] - X[3], output.gradient(X, g), 0);
        Close.assertClose(new double[] {1, 0, 0, -1, 0, 0}, g, 0, 0, "gradient of the output x0 - x3");

        Recording sum = Tape.record(x -> Var.sum(2, k -> x[k].minus(x[k + 3])), X);
        assertEquals((X[0] - X[3]) + (X[1] - X[4]), sum.gradient(X, g), 0);
        Close.assertClose(new double[] {1, 1, 0, -1, -1, 0}, g, 0, 0, "gradient of the sum of two differences");
    }

    // A subtraction not yet recorded holds its operands' nodes: fusing one of them in place afterwards would
    // change what the subtraction reads when it is recorded. Both fusions in place must leave them alone.
    @Test
    void aNodeAnUnrecordedSubtractionReadsIsNotFusedInPlace() {
        // d = x0 - 0.5 is a node; e = d - x1 reads it; d's square must not turn d's node into (x0 - 0.5)^2
        ScalarFunction squared = x -> {
            Var d = x[0].minus(0.5);
            Var e = d.minus(x[1]);
            return d.square().plus(e.times(3));
        };
        assertMatchesClosedForm(squared, (x, g, h) -> {
            double d = x[0] - 0.5;
            g[0] = 2 * d + 3;
            g[1] = -3;
            h[0] = 2;
            return d * d + 3 * (d - x[1]);
        });
        // r = |(x0 - x3, x1 - x4)| is a node; e = r - x2 reads it; r's reciprocal must not be fused onto it
        ScalarFunction reciprocal = x -> {
            Var r = Var.norm(x[0].minus(x[3]), x[1].minus(x[4]));
            Var e = r.minus(x[2]);
            return r.reciprocal().plus(e.times(3));
        };
        assertMatchesClosedForm(reciprocal, (x, g, h) -> {
            double[] d = {x[0] - x[3], x[1] - x[4]};
            double r2 = d[0] * d[0] + d[1] * d[1];
            double r = Math.sqrt(r2);
            // f = 1/r + 3 r - 3 x2 in (d0, d1, x2): grad_d = (3 - 1/r^2) d / r, Hess_d = (3 - 1/r^2) (I - u u^T) / r + 2 u u^T / r^3
            double s = 3 - 1 / r2;
            for (int i = 0; i < 2; i++) {
                double gi = s * d[i] / r;
                g[i] = gi;
                g[i + 3] = -gi;
                for (int j = 0; j < 2; j++) {
                    double uu = d[i] * d[j] / r2;
                    double hij = s * ((i == j ? 1 : 0) - uu) / r + 2 * uu / (r2 * r);
                    h[i * 6 + j] = hij;
                    h[(i + 3) * 6 + j + 3] = hij;
                    h[i * 6 + j + 3] = -hij;
                    h[(i + 3) * 6 + j] = -hij;
                }
            }
            g[2] = -3;
            return 1 / r + 3 * (r - x[2]);
        });
    }

    @Test
    void aDifferenceUsedAfterItsTapeIsFinishedIsAClosedTapeError() {
        Tape tape = new Tape();
        Var[] x = tape.variables(X);
        Var d = x[0].minus(x[1]);
        tape.finish(x[2].square());
        assertEquals(X[0] - X[1], d.value(), 0);
        org.junit.jupiter.api.Assertions.assertThrows(ClosedTapeException.class, () -> d.square());
        org.junit.jupiter.api.Assertions.assertThrows(ClosedTapeException.class, () -> d.plus(1));
    }

    @Test
    void leastSquaresResidualsAgainstDataAreOneNodeEach() {
        double[] data = {0.25, -1.0, 2.0};
        // sum_k (x_k x_{k+3} - data_k)^2 + (data_0 - x_0)^2, the residuals written both ways round
        ScalarFunction f = x -> {
            Var fit = Var.minus(data[0], x[0]).square();
            for (int k = 0; k < 3; k++) fit = fit.plus(x[k].times(x[k + 3]).minus(data[k]).square());
            return fit;
        };
        Recording r = Tape.record(f, X);
        // 6 inputs, one squared difference for the lone residual, then per k a product, a squared
        // difference and a sum
        assertEquals(6 + 1 + 3 * 3, r.size());
        assertMatchesClosedForm(f, (x, g, h) -> {
            double e = data[0] - x[0];
            double value = e * e;
            g[0] = -2 * e;
            h[0] = 2;
            for (int k = 0; k < 3; k++) {
                int p = k, q = k + 3;
                double res = x[p] * x[q] - data[k];
                value += res * res;
                g[p] += 2 * res * x[q];
                g[q] += 2 * res * x[p];
                h[p * 6 + p] += 2 * x[q] * x[q];
                h[q * 6 + q] += 2 * x[p] * x[p];
                double mixed = 2 * x[p] * x[q] + 2 * res;
                h[p * 6 + q] += mixed;
                h[q * 6 + p] += mixed;
            }
            return value;
        });
    }

    @Test
    void aDifferenceWithAConstantUsedAfterItsSquareIsRecordedAgain() {
        // x0 - 0.5 and 0.5 - x0, each squared and then used again: d^2 + 3 d and e^2 + 3 e with e = -d
        ScalarFunction f = x -> {
            Var d = x[0].minus(0.5);
            Var e = Var.minus(0.5, x[0]);
            return d.square().plus(d.times(3)).plus(e.square()).plus(e.times(3));
        };
        assertMatchesClosedForm(f, (x, g, h) -> {
            double d = x[0] - 0.5;
            g[0] = 4 * d;
            h[0] = 4;
            return 2 * d * d;
        });
        // The same value as the function written without fusion, to the bit: (0.5 - x)^2 is (x - 0.5)^2.
        double[] at = {0.5 + 1e-9, 0, 0, 0, 0, 0};
        double expected = (0.5 - at[0]) * (0.5 - at[0]);
        assertEquals(expected, Tape.record(x -> Var.minus(0.5, x[0]).square(), at).value(at));
    }

    /** A closed form: returns f(x) and fills g and the row-major Hessian h. */
    private interface ClosedForm {
        double at(double[] x, double[] g, double[] h);
    }

    // Closed forms in the differences d = p - q spread to (p, q): g = (gd, -gd), H = [[Hd, -Hd], [-Hd, Hd]].
    private static void spread(double[] gd, double[][] hd, double[] g, double[] h) {
        for (int i = 0; i < 3; i++) {
            g[i] = gd[i];
            g[i + 3] = -gd[i];
            for (int j = 0; j < 3; j++) {
                h[i * 6 + j] = hd[i][j];
                h[(i + 3) * 6 + j + 3] = hd[i][j];
                h[i * 6 + j + 3] = -hd[i][j];
                h[(i + 3) * 6 + j] = -hd[i][j];
            }
        }
    }

    private static void assertMatchesClosedForm(ScalarFunction f, ClosedForm closed) {
        double[] g = new double[6];
        double[] h = new double[36];
        double expectedValue = closed.at(X, g, h);
        Recording r = Tape.record(f, X);
        double[] tapeG = new double[6];
        double[] tapeH = new double[36];
        double[] tapeHv = new double[6];
        assertEquals(expectedValue, r.gradient(X, tapeG), 1e-14);
        r.hessian(X, tapeH);
        r.hessianVector(X, V, tapeHv);
        Close.assertClose(g, tapeG, 1e-13, 1e-14, "gradient");
        Close.assertClose(h, tapeH, 1e-13, 1e-14, "hessian");
        double[] hv = new double[6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) hv[i] += h[i * 6 + j] * V[j];
        Close.assertClose(hv, tapeHv, 1e-13, 1e-14, "hessianVector");
    }
}
