/**
 * Wengert's runtime: the tape ({@code Tape}, {@code Var}, {@code Recording}), the {@code Objective} interface
 * with its checks, {@code Dual} numbers, gradient checks and the {@code @Differentiate} annotation
 * ({@code dev.wengert.ad}); optimisers ({@code dev.wengert.ad.optim}); the colorings that sparse Hessians
 * and Jacobians sweep by ({@code dev.wengert.ad.coloring}); and the catalogue of elementary functions both
 * engines interpret ({@code dev.wengert.ad.rules}). The tape's storage, rules and sweeps
 * ({@code dev.wengert.ad.tape}) are internal and not exported.
 *
 * <pre>{@code
 * module my.app {
 *     requires dev.wengert.ad;
 * }
 * }</pre>
 */
module dev.wengert.ad {
    exports dev.wengert.ad;
    exports dev.wengert.ad.coloring;
    exports dev.wengert.ad.optim;
    exports dev.wengert.ad.rules;
}
