package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        Cholesky c = Cholesky.tryFactor(new double[] {5, 1, 1, 3}, 2);
        assertNotNull(c);
        // A x = -b for the seed quadratic gives the minimiser.
        assertArrayEquals(new double[] {1.0, -1.0}, c.solve(new double[] {4, -2}), 1e-15);
    }

    @Test
    void reportsAnIndefiniteMatrixAsNull() {
        assertNull(Cholesky.tryFactor(new double[] {1, 2, 2, 1}, 2));
    }

    @Test
    void aShiftMakesAnIndefiniteMatrixFactor() {
        assertNotNull(Cholesky.tryFactor(new double[] {1, 2, 2, 1}, 2, 1.5));
    }

    @Test
    void rejectsAMatrixOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.tryFactor(new double[] {1, 2, 3}, 2));
    }
}
