package nngrade.submission;

import nngrade.input.Excerpts;
import nngrade.problem.Quantity;

import java.util.Locale;
import java.util.Optional;

/** What names students may use for a quantity: the spec's, any letter case, and a few aliases of ŷ. */
final class QuantityNames {
    private QuantityNames() {
    }

    static Optional<Quantity> resolve(String name, int layers) {
        String n = name.strip();
        Optional<Quantity> exact = Quantity.parse(n, layers);
        if (exact.isPresent()) {
            return exact;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("ŷ") || lower.equals("y_hat") || lower.equals("a" + layers)) {
            return Optional.of(Quantity.YHAT);
        }
        for (Quantity q : Quantity.all(layers)) {
            if (q.name().toLowerCase(Locale.ROOT).equals(lower)
                    || (layers == 1 && q.unindexedName().toLowerCase(Locale.ROOT).equals(lower))) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    static String unknown(String name, int layers) {
        return "\"" + Excerpts.shown(name) + "\" is not a quantity of this problem; expected one of "
                + String.join(", ", Quantity.namesOf(layers));
    }
}
