package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every quantity of a problem, exactly, in the order of the computation, with the formula
 * each comes from (written once here rather than for every submission graded against it).
 */
public record AnswerKey(Problem problem, Map<Quantity, Matrix> values, Map<Quantity, String> formulas) {

    public AnswerKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        // not Map.copyOf: its open addressing probes in long runs over quantities' consecutive
        // hash codes, which made a key of 20,000 layers take 20 s
        formulas = Collections.unmodifiableMap(new HashMap<>(formulas));
    }

    public AnswerKey(Problem problem, Map<Quantity, Matrix> values) {
        this(problem, values, formulasOf(problem, values));
    }

    private static Map<Quantity, String> formulasOf(Problem p, Map<Quantity, Matrix> values) {
        Map<Quantity, String> out = new HashMap<>();
        for (Quantity q : values.keySet()) {
            out.put(q, Formulas.of(p, q));
        }
        return out;
    }

    /** The formula q comes from, in the problem's layout and reduction. */
    public String formula(Quantity q) {
        String f = formulas.get(q);
        return f != null ? f : Formulas.of(problem, q);
    }

    public Matrix get(Quantity q) {
        Matrix m = values.get(q);
        if (m == null) {
            throw new IllegalArgumentException(q + " is not a quantity of " + problem.id());
        }
        return m;
    }

    public double loss() {
        return get(Quantity.LOSS).at(0);
    }

    /** Only the quantities in {@code wanted}, in the key's order. */
    public AnswerKey restrictedTo(List<Quantity> wanted) {
        Map<Quantity, Matrix> out = new LinkedHashMap<>();
        values.forEach((q, m) -> {
            if (wanted.contains(q)) {
                out.put(q, m);
            }
        });
        return new AnswerKey(problem, out);
    }
}
