package dev.wengert.ad;

/** Typed entry points for the tests, so a test reads "scalar" or "vector" where it records. */
final class Recordings {
    private Recordings() {
    }

    static Recording scalar(ScalarFunction f, double... x0) {
        return Tape.record(f, x0);
    }

    static Recording vector(VectorFunction f, double... x0) {
        return Tape.recordVector(f, x0);
    }
}
