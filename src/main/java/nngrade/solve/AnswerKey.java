package nngrade.solve;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every quantity of a problem, exactly, in the order of the computation. */
public record AnswerKey(Problem problem, Map<Quantity, Matrix> values) {

    public AnswerKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
