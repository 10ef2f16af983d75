package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Passes;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Value;

/**
 * The five programs a generated class runs, derived from the primal program of a
 * {@code @Differentiate} method and optimised.
 *
 * @param value f(x)
 * @param gradient f(x), adding the gradient into g
 * @param hessianVector adds H(x) v into hv
 * @param gradientAndHessianVector f(x), adding into g and hv in one pass
 * @param hessian adds H(x) into h (row-major), or, if {@code diagonalBlock > 0}, assigns the
 *        entries outside the diagonal blocks and adds into the diagonal blocks
 * @param localHessian true if the Hessian is assembled from per-iteration local Hessians,
 *        false if it falls back to one Hessian-vector product per column
 * @param diagonalBlock 0 if all of h must be zero before {@code hessian} runs; s > 0 if only the
 *        diagonal s x s blocks must be (and all of h when x.length is not a multiple of s): the
 *        pair kernel of a {@link PairStructure}
 */
public record DerivativePrograms(Program value, Program gradient, Program hessianVector,
                                 Program gradientAndHessianVector, Program hessian, boolean localHessian,
                                 int diagonalBlock) {

    /** The number of IR nodes of the five programs: what the generated class's size grows with. */
    public int size() {
        return value.size() + gradient.size() + hessianVector.size() + gradientAndHessianVector.size() + hessian.size();
    }

    /** Names of the arrays of the generated methods. */
    public record Arrays(ArrayRef x, ArrayRef v, ArrayRef g, ArrayRef hv, ArrayRef h) {
    }

    /** Derives and optimises every program from {@code primal}. */
    public static DerivativePrograms of(Program primal, Arrays a) {
        Program value = Passes.optimize(primal);
        Program gradient = Passes.optimize(ReverseMode.gradient(value, a.g()));

        Builder hvBuilder = new Builder();
        TangentMode.apply(hvBuilder, gradient, new TangentMode.Seeding(
                index -> hvBuilder.read(a.v(), index), a.hv(), index -> index, false));
        Program hessianVector = Passes.optimize(new Program(hvBuilder.root(), null));

        Builder both = new Builder();
        Value fx = TangentMode.apply(both, gradient, new TangentMode.Seeding(
                index -> both.read(a.v(), index), a.hv(), index -> index, true));
        Program gradientAndHessianVector = Passes.optimize(new Program(both.root(), fx));

        Program sunk = Passes.simplify(ReadSinking.apply(value));
        if (HessianStructure.isSumOfLocalHessians(sunk)) {
            // each iteration must scatter its own adjoints: no code motion before the local Hessian
            Program sunkGradient = Passes.simplify(ReverseMode.gradient(sunk, a.g()));
            Builder hb = new Builder();
            PairStructure pairs = PairStructure.of(sunkGradient);
            if (pairs != null) {
                LocalHessian.applyPairs(hb, sunkGradient, a.h(), hb.length(a.x()), pairs);
            } else {
                LocalHessian.apply(hb, sunkGradient, a.h(), hb.length(a.x()));
            }
            return new DerivativePrograms(value, gradient, hessianVector, gradientAndHessianVector,
                    Passes.optimize(new Program(hb.root(), null)), true, pairs == null ? 0 : pairs.stride());
        }
        return new DerivativePrograms(value, gradient, hessianVector, gradientAndHessianVector,
                columnByColumnHessian(gradient, a), false, 0);
    }

    /** Column k of H is the tangent of the gradient along e_k: correct for every program, O(n) sweeps. */
    private static Program columnByColumnHessian(Program gradient, Arrays a) {
        Builder b = new Builder();
        Value n = b.length(a.x());
        Loop column = b.beginLoop(b.constant(0), n, false, 1, "k");
        Value k = column.index();
        TangentMode.apply(b, gradient, new TangentMode.Seeding(
                index -> b.select(b.compare(Op.EQ, index, k), b.constant(1.0), b.constant(0.0)),
                a.h(), index -> b.add(b.mul(k, n), index), false));
        b.endLoop(column);
        return Passes.optimize(new Program(b.root(), null));
    }
}
