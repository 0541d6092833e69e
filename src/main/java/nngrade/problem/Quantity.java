package nngrade.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A quantity of the computation a student may be asked for, e.g. {@code dW1} is
 * {@code (DW, 1)}; {@code yhat} and {@code loss} carry layer 0.
 */
public record Quantity(Kind kind, int layer) {

    /** The kinds of quantity, in the order of the computation. */
    public enum Kind {
        Z("z", ""), A("a", ""), YHAT("yhat", ""), LOSS("loss", ""),
        DZ("dz", ""), DA("da", ""), DW("dW", ""), DB("db", ""),
        W_NEXT("W", "_next"), B_NEXT("b", "_next");

        private final String prefix;
        private final String suffix;

        Kind(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        boolean layered() {
            return this != YHAT && this != LOSS;
        }

        /** Whether the quantity has one row per sample. */
        public boolean perSample() {
            return this == Z || this == A || this == YHAT || this == DZ || this == DA;
        }
    }

    public static final Quantity YHAT = new Quantity(Kind.YHAT, 0);
    public static final Quantity LOSS = new Quantity(Kind.LOSS, 0);

    public static Quantity of(Kind kind, int layer) {
        return new Quantity(kind, layer);
    }

    /** The spec's name, with the layer index: {@code z1}, {@code W2_next}, {@code yhat}. */
    public String name() {
        return layer >= 0 && layer < CACHED ? NAMES[kind.ordinal()][layer] : nameOf(kind, layer);
    }

    private static String nameOf(Kind kind, int layer) {
        return kind.layered() ? kind.prefix + layer + kind.suffix : kind.prefix;
    }

    /** The unindexed name a one-layer network also accepts ({@code dW}, {@code b_next}), or the name. */
    public String unindexedName() {
        return kind.layered() ? kind.prefix + kind.suffix : kind.prefix;
    }

    /** Whether the quantity is a vector (biases) rather than a matrix. */
    public boolean isBiasVector() {
        return kind == Kind.DB || kind == Kind.B_NEXT;
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
        return o instanceof Quantity q && q.kind == kind && q.layer == layer;
    }

    @Override
    public int hashCode() {
        // one value per quantity (fewer than 32 kinds): kind * 31 + layer gave z32 the hash of dz1's neighbour,
        // and a deep network's maps long collision chains
        return layer * 32 + kind.ordinal();
    }

    @Override
    public String toString() {
        return name();
    }
}
