package dev.wengert.ad;

/**
 * How a {@link Recording} computes a sparse Hessian. Both give the same values (to rounding) in the
 * same {@link SparsityPattern} order; they differ in cost.
 *
 * <pre>{@code
 * Recording energy = Tape.record(grid::energy, u0);
 * double[] h = new double[energy.hessianPattern().nonZeros()];
 * energy.sparseHessian(u, h);                                        // the default: edge pushing
 * energy.sparseHessian(u, h, SparseHessianMethod.STAR_COLORING);     // compressed sweeps instead
 * }</pre>
 */
public enum SparseHessianMethod {
    /**
     * Edge pushing (Gower and Mello 2012; Petra et al. 2018): one reverse sweep that pushes second-order
     * adjoints between nodes down to the inputs. Costs in proportion to the entries it pushes: for a sum
     * of small terms (grids, meshes, chained or pair energies) a few gradients, whatever n is. The default.
     */
    EDGE_PUSHING,
    /**
     * Star coloring with direct recovery (Gebremedhin, Tarafdar, Manne, Pothen 2007): one replay and
     * reverse sweep, then forward-over-reverse sweeps along one seed direction per color. Costs about a
     * Hessian-vector product per color; better than edge pushing where long chains of intermediate nodes
     * each depend on many inputs. The coloring is worked out on first use.
     */
    STAR_COLORING,
    /**
     * Acyclic coloring with recovery by substitution (Gebremedhin, Tarafdar, Pothen, Walther 2009): the
     * compressed sweeps of {@link #STAR_COLORING} with fewer colors (two color classes need only induce a
     * forest), each two-colored tree then recovered from its leaves inwards. Fewer sweeps, a recovery that
     * subtracts; the coloring is worked out on first use.
     */
    ACYCLIC_COLORING
}
