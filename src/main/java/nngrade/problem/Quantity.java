package nngrade.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantity of the computation a student may be asked for, e.g. {@code dW1} is
 * {@code (DW, 1)}; {@code yhat} and {@code loss} carry layer 0. A quantity of a later step of
 * several ({@code dW1@2}) carries its step, 1 for the first; one of a computational graph
 * ({@code a}, {@code da}, {@code x_next}) carries its node's name and layer 0.
 *
 * @param step 1-based; the spec's {@code @s} suffix for s > 1
 * @param node the graph node's (or input's) name, null for a network's quantities
 */
public record Quantity(Kind kind, int layer, int step, String node) {

    /** The kinds of quantity, in the order of the computation. */
    public enum Kind {
        Z("z", ""), A("a", ""), YHAT("yhat", ""), LOSS("loss", ""),
        DZ("dz", ""), DA("da", ""), DW("dW", ""), DB("db", ""),
        W_NEXT("W", "_next"), B_NEXT("b", "_next"),
        // the optimiser's state after the step (v1.1): momentum's and Adam's v, RMSprop's s, Adam's m
        VW_NEXT("vW", "_next"), VB_NEXT("vb", "_next"), SW_NEXT("sW", "_next"), SB_NEXT("sb", "_next"),
        MW_NEXT("mW", "_next"), MB_NEXT("mb", "_next"),
        // a computational graph's (v1.1): a node's forward value, ∂output/∂node, a parameter after the step
        NODE("", ""), D_NODE("d", ""), NODE_NEXT("", "_next");

        private final String prefix;
        private final String suffix;

        Kind(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        boolean layered() {
            return this != YHAT && this != LOSS && !graph();
        }

        /** Whether it is a computational graph's quantity, named by its node. */
        public boolean graph() {
            return this == NODE || this == D_NODE || this == NODE_NEXT;
        }

        /** Whether it is optimiser state after the step (vW1_next, mb2_next …). */
        public boolean state() {
            return this == VW_NEXT || this == VB_NEXT || this == SW_NEXT || this == SB_NEXT || this == MW_NEXT
                    || this == MB_NEXT;
        }

        /** The name of the state it is in {@code given}, without the layer: {@code vW}, {@code sb}. */
        public String statePrefix() {
            return prefix;
        }

        /** Whether the quantity has one row per sample. */
        public boolean perSample() {
            return this == Z || this == A || this == YHAT || this == DZ || this == DA;
        }
    }

    public static final Quantity YHAT = new Quantity(Kind.YHAT, 0);
    public static final Quantity LOSS = new Quantity(Kind.LOSS, 0);

    /** A quantity of the first step. */
    public Quantity(Kind kind, int layer) {
        this(kind, layer, 1, null);
    }

    public static Quantity of(Kind kind, int layer) {
        return new Quantity(kind, layer);
    }

    /** A computational graph's quantity: {@code NODE} "a" is a, {@code D_NODE} "a" is da. */
    public static Quantity node(Kind kind, String node) {
        return new Quantity(kind, 0, 1, node);
    }

    /** The same quantity of step s (1 for the first). */
    public Quantity atStep(int s) {
        return s == step ? this : new Quantity(kind, layer, s, node);
    }

    /** The spec's name, with the layer index: {@code z1}, {@code W2_next}, {@code yhat}, {@code dW1@2}, {@code dx}. */
    public String name() {
        String base = node != null ? kind.prefix + node + kind.suffix
                : layer >= 0 && layer < CACHED ? NAMES[kind.ordinal()][layer] : nameOf(kind, layer);
        return step == 1 ? base : base + "@" + step;
    }

    private static String nameOf(Kind kind, int layer) {
        return kind.layered() ? kind.prefix + layer + kind.suffix : kind.prefix;
    }

    /** The unindexed name a one-layer network also accepts ({@code dW}, {@code b_next}), or the name. */
    public String unindexedName() {
        if (node != null) {
            return name();
        }
        String base = kind.layered() ? kind.prefix + kind.suffix : kind.prefix;
        return step == 1 ? base : base + "@" + step;
    }

    /** Whether the quantity is one number: the loss, and every value and gradient of a graph. */
    public boolean isScalar() {
        return kind == Kind.LOSS || kind.graph();
    }

    /** Whether the quantity is a vector (biases, their state) rather than a matrix. */
    public boolean isBiasVector() {
        return kind == Kind.DB || kind == Kind.B_NEXT || kind == Kind.VB_NEXT || kind == Kind.SB_NEXT
                || kind == Kind.MB_NEXT;
    }

    /**
     * Every quantity of a network with {@code layers} layers, in the order a key lists them:
     * forward pass, loss, backward pass layer by layer from the output, then the step.
     */
    public static List<Quantity> all(int layers) {
        if (layers < CACHED) {
            return ALL.get(layers);
        }
        Deep deep = last;
        if (deep == null || deep.layers() != layers) {
            deep = new Deep(layers, List.copyOf(list(layers)), names(layers));
            last = deep;
        }
        return deep.all();
    }

    /**
     * The names of the deepest network looked up last: a run checks one problem, and building them
     * for every lookup made a check quadratic in the layers (a minute for 2,000 layers).
     */
    private record Deep(int layers, List<Quantity> all, Map<String, Quantity> byName) {
    }

    private static volatile Deep last;

    private static List<Quantity> list(int layers) {
        List<Quantity> out = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            out.add(of(Kind.Z, l));
            if (l < layers) {
                out.add(of(Kind.A, l));
            }
        }
        out.add(YHAT);
        out.add(LOSS);
        for (int l = layers; l >= 1; l--) {
            if (l < layers) {
                out.add(of(Kind.DA, l));
            }
            out.add(of(Kind.DZ, l));
            out.add(of(Kind.DW, l));
            out.add(of(Kind.DB, l));
        }
        for (int l = 1; l <= layers; l++) {
            out.add(of(Kind.W_NEXT, l));
            out.add(of(Kind.B_NEXT, l));
        }
        return List.copyOf(out);
    }

    /** The quantity a name means in a network of {@code layers} layers, if any. */
    public static Optional<Quantity> parse(String name, int layers) {
        if (layers < CACHED) {
            return Optional.ofNullable(BY_NAME.get(layers).get(name));
        }
        all(layers);
        Deep deep = last;
        return Optional.ofNullable((deep.layers() == layers ? deep.byName() : names(layers)).get(name));
    }

    /** Each name (and, for one layer, each unindexed name) and its quantity; the indexed name wins. */
    private static Map<String, Quantity> names(int layers) {
        Map<String, Quantity> byName = new HashMap<>();
        List<Quantity> all = layers < CACHED ? ALL.get(layers) : list(layers);
        for (Quantity q : all) {
            byName.putIfAbsent(q.name(), q);
        }
        if (layers == 1) {
            for (Quantity q : all) {
                byName.putIfAbsent(q.unindexedName(), q);
            }
        }
        return Collections.unmodifiableMap(byName); // not Map.copyOf: see AnswerKey's formulas
    }

    // Every submission looks its names up: networks of up to 15 layers have their lists ready.
    private static final int CACHED = 16;
    private static final String[][] NAMES = new String[Kind.values().length][CACHED];
    private static final List<List<Quantity>> ALL = new ArrayList<>();
    private static final List<Map<String, Quantity>> BY_NAME = new ArrayList<>();

    static { // loops, not streams: this runs at every start-up, where each lambda costs
        for (Kind k : Kind.values()) {
            for (int l = 0; l < CACHED; l++) {
                NAMES[k.ordinal()][l] = nameOf(k, l);
            }
        }
        for (int l = 0; l < CACHED; l++) {
            ALL.add(list(l));
        }
        for (int l = 0; l < CACHED; l++) {
            BY_NAME.add(names(l));
        }
    }

    /** The names a network accepts, in the order of {@link #all}, for "expected one of" messages. */
    public static List<String> namesOf(int layers) {
        List<String> names = new ArrayList<>();
        for (Quantity q : all(layers)) {
            names.add(q.name());
        }
        return List.copyOf(names);
    }

    // Written out rather than left to the record: quantities are hash keys in every check, and
    // the generated versions are bootstrapped at run time (start-up) and hash the enum by identity.
    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.kind == kind && q.layer == layer && q.step == step
                && Objects.equals(q.node, node);
    }

    @Override
    public int hashCode() {
        // one value per quantity of a step (fewer than 32 kinds): kind * 31 + layer gave z32 the hash of dz1's
        // neighbour, and a deep network's maps long collision chains
        int h = layer * 32 + kind.ordinal();
        return node == null && step == 1 ? h : h + 1_000_003 * step + (node == null ? 0 : 31 * node.hashCode());
    }

    @Override
    public String toString() {
        return name();
    }
}
