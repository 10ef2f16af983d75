package dev.wengert.ad.contract;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.optim.CountingObjective;
import org.junit.jupiter.api.Nested;

/** The {@link ObjectiveContract} for every Objective of ad-runtime. */
class TapeObjectivesContractTest {

    static final ScalarFunction SMOOTH = x -> x[0].square().times(x[1]).plus(x[2].sin());
    static final ScalarFunction SQRT_OF_FIRST = x -> x[0].sqrt().plus(x[1]);

    @Nested
    class RecordingContract extends ObjectiveContract {
        @Override
        protected Objective smooth() {
            return Tape.record(SMOOTH, 1, 1, 1);
        }

        @Override
        protected Objective sqrtOfFirst() {
            return Tape.record(SQRT_OF_FIRST, 1, 1);
        }
    }

    @Nested
    class RecordedFunctionContract extends ObjectiveContract {
        @Override
        protected Objective smooth() {
            return Derivatives.record(SMOOTH, 1, 1, 1);
        }

        @Override
        protected Objective sqrtOfFirst() {
            return Derivatives.record(SQRT_OF_FIRST, 1, 1);
        }
    }

    @Nested
    class CountingObjectiveContract extends ObjectiveContract {
        @Override
        protected Objective smooth() {
            return new CountingObjective(Tape.record(SMOOTH, 1, 1, 1));
        }

        @Override
        protected Objective sqrtOfFirst() {
            return new CountingObjective(Derivatives.record(SQRT_OF_FIRST, 1, 1));
        }
    }
}
