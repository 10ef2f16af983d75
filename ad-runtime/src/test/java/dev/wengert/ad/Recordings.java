package dev.wengert.ad;

/**
 * Typed entry points for the tests. {@code Tape.record(x -> ..., x0)} with an implicitly typed lambda
 * does not compile (it matches both the ScalarFunction and the VectorFunction overload: see
 * {@code TapeApiTest}), so the tests go through these.
 */
final class Recordings {
    private Recordings() {
    }

    static Recording scalar(ScalarFunction f, double... x0) {
        return Tape.record(f, x0);
    }

    static Recording vector(VectorFunction f, double... x0) {
        return Tape.record(f, x0);
    }
}
