package dev.wengert.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Splits a block estimated above {@link Size#BUDGET} into chunks, each printed as a private method
 * of its own, so that every method stays well below HotSpot's 8000-byte limit for JIT compilation.
 * A split-off method takes the generated method's parameters and the caller's locals it reads as parameters
 * (up to {@link #MAX_PARAMETERS}); the values it hands to later chunks, and locals beyond that
 * many parameters, go through the per-thread frame array {@link MethodSink#SPILL}.
 */
final class MethodSplitter {
    /** Values handed to a split-off method as parameters; more go through the frame array. */
    private static final int MAX_PARAMETERS = 100;

    private final String method;
    private final List<ParameterSpec> parameters;
    private final Set<String> reserved;
    private final MethodSink sink;
    /** Where in the per-thread frame array each handed-over value lives (shared by all chunks of the method). */
    private final Map<Value, Integer> frameSlot = new IdentityHashMap<>();

    MethodSplitter(String method, List<ParameterSpec> parameters, Set<String> reserved, MethodSink sink) {
        this.method = method;
        this.parameters = parameters;
        this.reserved = Set.copyOf(reserved);
        this.sink = sink;
    }

    /** The names a local of any part of this method may not take. */
    Set<String> reserved() {
        return reserved;
    }

    /** Prints {@code block} through {@code caller} as calls of split-off methods (a lone loop or if stays in place). */
    void split(StatementEmitter caller, Block block, List<Value> exitUses) {
        List<List<Node>> chunks = partition(block.nodes());
        Set<Value> callerUses = Collections.newSetFromMap(new IdentityHashMap<>());
        callerUses.addAll(exitUses);
        for (List<Node> chunk : chunks) {
            if (keptInline(chunk)) {
                callerUses.addAll(UseAnalysis.printedFreeUses(chunk));
            }
        }
        int start = 0;
        List<List<Value>> handed = new ArrayList<>();
        for (List<Node> chunk : chunks) {
            start += chunk.size();
            Set<Value> liveAfter = UseAnalysis.printedFreeUses(block.nodes().subList(start, block.nodes().size()));
            liveAfter.addAll(exitUses);
            List<Value> outs = new ArrayList<>();
            if (!keptInline(chunk)) {
                for (Node n : chunk) {
                    for (Value d : UseDef.definedAtTop(n)) {
                        if (liveAfter.contains(d)) {
                            outs.add(d);
                            caller.uses().handOver(d);
                            frameSlot.put(d, frameSlot.size());
                        }
                    }
                }
            }
            handed.add(outs);
        }
        sink.requireSpill(frameSlot.size());
        for (int k = 0; k < chunks.size(); k++) {
            List<Node> chunk = chunks.get(k);
            if (keptInline(chunk)) {
                caller.nodes(chunk);
            } else {
                outline(caller, chunk, handed.get(k), callerUses);
            }
        }
    }

    /** A chunk of a single loop or if stays in place: its own blocks split themselves. */
    private static boolean keptInline(List<Node> chunk) {
        return chunk.size() == 1 && !(chunk.get(0) instanceof Value) && !(chunk.get(0) instanceof Scatter);
    }

    private static List<List<Node>> partition(List<Node> nodes) {
        List<List<Node>> chunks = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        int size = 0;
        for (Node n : nodes) {
            int s = Size.of(n);
            if (!current.isEmpty() && size + s > Size.BUDGET) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(n);
            size += s;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Moves a chunk of nodes into a private method of its own and calls it. */
    private void outline(StatementEmitter caller, List<Node> chunk, List<Value> outs, Set<Value> callerUses) {
        List<Value> ins = new ArrayList<>(UseAnalysis.printedFreeUses(chunk));
        ins.removeIf(v -> v.op().isFree());
        ins.sort(Comparator.comparingInt(Value::id));
        String name = sink.freshName(method);
        Set<String> calleeReserved = new HashSet<>();
        for (Value v : ins) {
            if (caller.nameOf(v) != null) {
                calleeReserved.add(caller.nameOf(v));
            }
        }
        StatementEmitter callee = caller.callee(calleeReserved);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(void.class);
        List<String> args = new ArrayList<>();
        for (ParameterSpec a : parameters) {
            m.addParameter(a);
            args.add(a.name());
        }
        String frame = null;
        for (Value v : ins) {
            String local = caller.nameOf(v);
            if (local != null && args.size() < MAX_PARAMETERS) {
                m.addParameter(ExpressionPrinter.typeOf(v.type()), local);
                args.add(local);
                callee.bind(v, local);
                continue;
            }
            Integer slot = frameSlot.get(v);
            if (slot == null) {
                // too many parameters: hand this caller local over through the frame as well
                slot = frameSlot.size();
                frameSlot.put(v, slot);
                sink.requireSpill(slot + 1);
                caller.statement("$N.get()[$L] = $L", MethodSink.SPILL, slot, toSpill(v, caller.use(v)));
            }
            if (frame == null) {
                frame = callee.fresh("frame");
                callee.statement("double[] $N = $N.get()", frame, MethodSink.SPILL);
            }
            callee.statement("$T $N = $L", ExpressionPrinter.typeOf(v.type()), callee.declare(v),
                    fromSpill(v.type(), frame + "[" + slot + "]"));
        }
        callee.nodes(chunk);
        if (!outs.isEmpty() && frame == null) {
            frame = callee.fresh("frame");
            callee.statement("double[] $N = $N.get()", frame, MethodSink.SPILL);
        }
        for (Value v : outs) {
            callee.statement("$N[$L] = $L", frame, frameSlot.get(v), toSpill(v, callee.use(v)));
        }
        caller.statement("$N($L)", name, String.join(", ", args));
        for (Value v : outs) {
            if (callerUses.contains(v)) {
                caller.statement("$T $N = $L", ExpressionPrinter.typeOf(v.type()), caller.declare(v),
                        fromSpill(v.type(), MethodSink.SPILL + ".get()[" + frameSlot.get(v) + "]"));
            }
        }
        m.addCode(callee.code());
        sink.add(m.build());
    }

    private static Object toSpill(Value v, Object expr) {
        return v.type() == Type.BOOLEAN ? CodeBlock.of("$L ? 1.0 : 0.0", expr) : expr;
    }

    private static String fromSpill(Type t, String read) {
        return switch (t) {
            case DOUBLE -> read;
            case INT -> "(int) " + read;
            case BOOLEAN -> read + " != 0.0";
        };
    }
}
