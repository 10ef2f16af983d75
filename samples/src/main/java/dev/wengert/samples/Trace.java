package dev.wengert.samples;

import dev.wengert.ad.optim.Iteration;
import dev.wengert.ad.optim.OptimizationHistory;
import java.util.List;

/**
 * What a sample prints and plots of one run: f and the gradient norm per iteration, the final
 * point, the work done and the wall time.
 */
record Trace(String method, double[] values, double[] gradientNorms, double[] solution,
             long gradients, long hessianVectors, double seconds, String stopReason) {

    static Trace of(String method, OptimizationHistory h, double seconds) {
        List<Iteration> its = h.iterations();
        double[] f = new double[its.size()];
        double[] g = new double[its.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = its.get(i).value();
            g[i] = its.get(i).gradientNorm();
        }
        return new Trace(method, f, g, h.solution(), h.last().gradientEvaluations(),
                h.last().hessianVectorEvaluations(), seconds, h.stopReason().toString());
    }

    int iterations() {
        return values.length - 1;
    }

    double finalValue() {
        return values[values.length - 1];
    }

    double finalGradientNorm() {
        return gradientNorms[gradientNorms.length - 1];
    }
}
