package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    static double[] randomSymmetric(int n, Random random) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = random.nextGaussian();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    @Test
    void reconstructsRandomSymmetricMatricesWithOrthonormalVectors() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 10, 25}) {
            double[] a = randomSymmetric(n, random);
            SymmetricEigen e = SymmetricEigen.of(a, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double qtq = Vectors.dot(e.vector(i), e.vector(j));
                    assertEquals(i == j ? 1.0 : 0.0, qtq, 1e-13, "orthonormality, n = " + n);
                    double reconstructed = 0.0;
                    for (int k = 0; k < n; k++) {
                        reconstructed += e.value(k) * e.vector(k)[i] * e.vector(k)[j];
                    }
                    assertEquals(a[i * n + j], reconstructed, 1e-12, "A = Q L Q^T, n = " + n);
                }
            }
            for (int k = 1; k < n; k++) {
                assertEquals(true, e.value(k - 1) <= e.value(k), "ascending");
            }
        }
    }

    @Test
    void twoByTwoHasItsClosedForm() {
        SymmetricEigen e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
        assertEquals(1.0, e.value(0), 1e-15);
        assertEquals(3.0, e.value(1), 1e-15);
        assertEquals(0.0, e.vector(0)[0] + e.vector(0)[1], 1e-15);
    }

    @Test
    void rejectsANonSymmetricMatrix() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[] {1, 2, 3, 4}, 2));
        assertEquals(true, ex.getMessage().contains("not symmetric"), ex.getMessage());
    }
}
