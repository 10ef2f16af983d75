package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void thomsonCompiles() {
        var r = InProcessCompiler.compile(Map.of("p.Thomson", """
                package p;
                import dev.wengert.ad.Differentiate;
                public class Thomson {
                    @Differentiate
                    static double energy(double[] x) {
                        int n = x.length / 3;
                        double e = 0;
                        for (int i = 0; i < n; i++)
                            for (int j = i + 1; j < n; j++) {
                                double dx = x[3*i] - x[3*j], dy = x[3*i+1] - x[3*j+1], dz = x[3*i+2] - x[3*j+2];
                                e += 1 / Math.sqrt(dx*dx + dy*dy + dz*dz);
                            }
                        return e;
                    }
                }
                """));
        System.out.println(r.report());
        assertTrue(r.success());
    }
}
