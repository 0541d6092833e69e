package nngrade.problem;

import nngrade.problem.Quantity.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quantities one problem has, in the order of the computation, and the names they go by.
 * A plain one-step network's are {@link Quantity#all}; an optimiser's state and further steps
 * (v1.1) add theirs, and a computational graph has its nodes'.
 *
 * <p>A plain network's lists are {@link Quantity}'s own caches; the others are built once per
 * problem shape and kept while the same shape is asked for (a run checks one problem).
 */
public final class Quantities {
    private final int layers;
    private final List<Quantity> all;
    private final Map<String, Quantity> byName; // null: a plain network's, looked up in Quantity's caches
    private final String what;

    private Quantities(int layers, List<Quantity> all, Map<String, Quantity> byName, String what) {
        this.layers = layers;
        this.all = List.copyOf(all);
        this.byName = byName == null ? null : Collections.unmodifiableMap(byName);
        this.what = what;
    }

    private record Shape(int layers, List<Kind> stateOfW, List<Kind> stateOfB, int steps) {
    }

    private static volatile Map.Entry<Shape, Quantities> last;

    /** A plain network: one step of gradient descent. */
    public static Quantities network(int layers) {
        return network(layers, List.of(), List.of(), 1);
    }

    /**
     * A network of {@code layers} layers taking {@code steps} steps, whose optimiser keeps the state
     * {@code stateOfW} for each Wl and {@code stateOfB} for each bl (in the order they are updated).
     */
    public static Quantities network(int layers, List<Kind> stateOfW, List<Kind> stateOfB, int steps) {
        String what = "this " + layers + "-layer network";
        if (stateOfW.isEmpty() && stateOfB.isEmpty() && steps == 1) {
            return new Quantities(layers, Quantity.all(layers), null, what);
        }
        Shape shape = new Shape(layers, List.copyOf(stateOfW), List.copyOf(stateOfB), steps);
        var cached = last;
        if (cached != null && cached.getKey().equals(shape)) {
            return cached.getValue();
        }
        List<Quantity> one = new ArrayList<>();
        for (Quantity q : Quantity.all(layers)) {
            if (q.kind() == Kind.W_NEXT) {
                stateOfW.forEach(k -> one.add(Quantity.of(k, q.layer())));
            } else if (q.kind() == Kind.B_NEXT) {
                stateOfB.forEach(k -> one.add(Quantity.of(k, q.layer())));
            }
            one.add(q);
        }
        List<Quantity> all = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            for (Quantity q : one) {
                all.add(q.atStep(s));
            }
        }
        Quantities built = new Quantities(layers, all, names(all, layers == 1), what);
        last = Map.entry(shape, built);
        return built;
    }

    /** A computational graph's: every input's and node's value, then each gradient, then the parameters' steps. */
    public static Quantities graph(List<String> inputs, List<String> nodes, List<String> params) {
        List<Quantity> all = new ArrayList<>();
        for (String n : inputs) {
            all.add(Quantity.node(Kind.NODE, n));
        }
        for (String n : nodes) {
            all.add(Quantity.node(Kind.NODE, n));
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            all.add(Quantity.node(Kind.D_NODE, nodes.get(i)));
        }
        for (int i = inputs.size() - 1; i >= 0; i--) {
            all.add(Quantity.node(Kind.D_NODE, inputs.get(i)));
        }
        for (String n : params) {
            all.add(Quantity.node(Kind.NODE_NEXT, n));
        }
        return new Quantities(0, all, names(all, false), "this graph");
    }

    private static Map<String, Quantity> names(List<Quantity> all, boolean unindexed) {
        Map<String, Quantity> byName = new HashMap<>();
        for (Quantity q : all) {
            byName.putIfAbsent(q.name(), q);
        }
        if (unindexed) {
            for (Quantity q : all) {
                byName.putIfAbsent(q.unindexedName(), q);
            }
        }
        return byName;
    }

    /** The quantity {@code name} means exactly, if any. */
    public Optional<Quantity> parse(String name) {
        return byName == null ? Quantity.parse(name, layers) : Optional.ofNullable(byName.get(name));
    }

    /** Every quantity, in the order a key lists them. */
    public List<Quantity> all() {
        return all;
    }

    /** The network's depth, 0 for a graph. */
    public int layers() {
        return layers;
    }

    /** The problem in words, for messages: "this 2-layer network", "this graph". */
    public String what() {
        return what;
    }

    /** The names, in the order of {@link #all}, for "expected one of" messages. */
    public List<String> names() {
        if (byName == null) {
            return Quantity.namesOf(layers);
        }
        List<String> names = new ArrayList<>(all.size());
        for (Quantity q : all) {
            names.add(q.name());
        }
        return names;
    }

    public boolean isGraph() {
        return layers == 0;
    }
}
