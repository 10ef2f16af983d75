package dev.wengert.codegen;

import dev.wengert.ad.Objective;
import dev.wengert.ad.contract.ObjectiveContract;
import dev.wengert.ad.optim.CountingObjective;
import org.junit.jupiter.api.Nested;

/**
 * Generated classes keep the {@link ObjectiveContract} of ad-runtime: the same exceptions and
 * messages as the tape for wrong lengths, nulls, non-finite inputs and non-finite results. The two
 * functions are compiled once through the processor; generated instances are immutable, so every
 * test may share them.
 */
class GeneratedObjectiveContractTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Contract {
                @Differentiate
                static double smooth(double[] x) {
                    return x[0] * x[0] * x[1] + Math.sin(x[2]);
                }

                @Differentiate
                static double sqrtOfFirst(double[] x) {
                    return Math.sqrt(x[0]) + x[1];
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    private static synchronized Objective generated(String name) {
        if (compiled == null) compiled = Generated.compile("Contract", SOURCE);
        return compiled.objective("p." + name);
    }

    @Nested
    class GeneratedClassContract extends ObjectiveContract {
        @Override
        protected Objective smooth() {
            return generated("ContractSmoothDerivatives");
        }

        @Override
        protected Objective sqrtOfFirst() {
            return generated("ContractSqrtOfFirstDerivatives");
        }
    }

    @Nested
    class CountedGeneratedClassContract extends ObjectiveContract {
        @Override
        protected Objective smooth() {
            return new CountingObjective(generated("ContractSmoothDerivatives"));
        }

        @Override
        protected Objective sqrtOfFirst() {
            return new CountingObjective(generated("ContractSqrtOfFirstDerivatives"));
        }
    }
}
