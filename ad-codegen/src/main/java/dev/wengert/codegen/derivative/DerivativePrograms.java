package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.ObjectivePrograms;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Passes;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.WorkEffects;

/**
 * Derives the five programs a generated class runs from the primal program of a
 * {@code @Differentiate} method, and optimises them.
 */
public final class DerivativePrograms {

    private DerivativePrograms() {
    }

    /** Derives and optimises every program from {@code primal}, whose variable array is {@code x}. */
    public static ObjectivePrograms of(Program primal, ArrayRef x) {
        Program value = Passes.optimize(WorkEffects.keepsZerosWithoutClearing(primal));
        Program gradient = Passes.optimize(ReverseMode.gradient(value, ArrayRef.GRADIENT));

        Builder hvBuilder = new Builder();
        TangentMode.apply(hvBuilder, gradient, new TangentMode.Seeding(
                index -> hvBuilder.read(ArrayRef.DIRECTION, index), ArrayRef.HESSIAN_VECTOR, index -> index, false));
        Program hessianVector = Passes.optimize(new Program(hvBuilder.root(), null));

        Builder both = new Builder();
        Value fx = TangentMode.apply(both, gradient, new TangentMode.Seeding(
                index -> both.read(ArrayRef.DIRECTION, index), ArrayRef.HESSIAN_VECTOR, index -> index, true));
        Program gradientAndHessianVector = Passes.optimize(new Program(both.root(), fx));

        // a function with work arrays is not read as a sum of local Hessians (yet): one HVP per column
        Program sunk = WorkEffects.usesWorkArrays(value) ? null : Passes.simplify(ReadSinking.apply(value));
        if (sunk != null && HessianStructure.isSumOfLocalHessians(sunk)) {
            // each iteration must scatter its own adjoints: no code motion before the local Hessian
            Program sunkGradient = Passes.simplify(ReverseMode.gradient(sunk, ArrayRef.GRADIENT));
            Builder hb = new Builder();
            PairStructure pairs = PairStructure.of(sunkGradient);
            if (pairs != null) {
                LocalHessian.applyPairs(hb, sunkGradient, ArrayRef.HESSIAN, hb.length(x), pairs);
            } else {
                LocalHessian.apply(hb, sunkGradient, ArrayRef.HESSIAN, hb.length(x));
            }
            Builder sb = new Builder();
            LocalHessian.apply(sb, sunkGradient, ArrayRef.SPARSE_HESSIAN, sb.length(x));
            Program entries = EntryHoisting.apply(Passes.optimize(new Program(sb.root(), null)));
            Program pattern = entries == null ? null : SparseHessianPrograms.listing(entries);
            return new ObjectivePrograms(value, gradient, hessianVector, gradientAndHessianVector,
                    Passes.optimize(new Program(hb.root(), null)), true, pairs == null ? 0 : pairs.stride(),
                    pattern == null ? null : SparseHessianPrograms.bySlot(entries), pattern);
        }
        return new ObjectivePrograms(value, gradient, hessianVector, gradientAndHessianVector,
                columnByColumnHessian(gradient, x), false, 0, null, null);
    }

    /** Column k of H is the tangent of the gradient along e_k: correct for every program, O(n) sweeps. */
    private static Program columnByColumnHessian(Program gradient, ArrayRef x) {
        Builder b = new Builder();
        Value n = b.length(x);
        Loop column = b.beginLoop(b.constant(0), n, false, 1, "k");
        Value k = column.index();
        TangentMode.apply(b, gradient, new TangentMode.Seeding(
                index -> b.select(b.compare(Op.EQ, index, k), b.constant(1.0), b.constant(0.0)),
                ArrayRef.HESSIAN, index -> b.add(b.mul(k, n), index), false));
        b.endLoop(column);
        return Passes.optimize(new Program(b.root(), null));
    }
}
