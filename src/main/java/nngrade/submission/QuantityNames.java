package nngrade.submission;

import nngrade.input.Excerpts;
import nngrade.problem.Fields;
import nngrade.problem.Quantities;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What names students may use for a quantity: the spec's, any letter case, and a few aliases of ŷ;
 * in a submission also the spec's name with underscores, dashes or spaces added or left out
 * ({@code dW_1}, {@code W1next}, {@code dz 2}), when exactly one quantity has that spelling.
 */
final class QuantityNames {
    private static final Pattern SEPARATORS = Pattern.compile("[_\\s-]");

    private QuantityNames() {
    }

    static Optional<Quantity> resolve(String name, Quantities qs) {
        String n = name.strip();
        Optional<Quantity> exact = qs.parse(n);
        if (exact.isPresent()) {
            return exact;
        }
        int layers = qs.layers();
        String lower = n.toLowerCase(Locale.ROOT);
        if (!qs.isGraph() && (lower.equals("ŷ") || lower.equals("y_hat") || lower.equals("a" + layers))) {
            return Optional.of(Quantity.YHAT);
        }
        for (Quantity q : qs.all()) {
            if (q.name().toLowerCase(Locale.ROOT).equals(lower)
                    || (layers == 1 && q.unindexedName().toLowerCase(Locale.ROOT).equals(lower))) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /**
     * The quantity a submission's name means: as {@link #resolve}, else the one quantity whose name
     * is spelt the same once letter case and separators are ignored. Two such quantities would be a
     * guess, so neither is taken (no two of the spec's names collide this way, but an alias could).
     */
    static Optional<Quantity> resolveInSubmission(String name, Quantities qs) {
        Optional<Quantity> q = resolve(name, qs);
        if (q.isPresent()) {
            return q;
        }
        String key = key(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Quantity found = null;
        for (Quantity candidate : qs.all()) {
            if (spellings(candidate, qs.layers()).contains(key)) {
                if (found != null && !found.equals(candidate)) {
                    return Optional.empty();
                }
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code name} is read only by ignoring its separators, which a note then says. */
    static boolean isLoose(String name, Quantities qs) {
        return resolve(name, qs).isEmpty() && resolveInSubmission(name, qs).isPresent();
    }

    /** The note beside an answer read under a loose name: {@code "dW_1" is read as dW1}. */
    static String readAs(String name, Quantity q) {
        return "\"" + Excerpts.shown(name) + "\" is read as " + q.name() + ", the name the problem uses";
    }

    static String unknown(String name, Quantities qs) {
        return unknown(name, qs, List.of());
    }

    /**
     * "is not a quantity of this problem (did you mean "dW1"?); expected one of …", the suggestion
     * the nearest of the {@code asked} quantities (every one equally near, when several are).
     */
    static String unknown(String name, Quantities qs, List<Quantity> asked) {
        List<String> near = nearest(name, asked);
        String hint = near.isEmpty() ? "" : " (did you mean \"" + String.join("\" or \"", near) + "\"?)";
        return "\"" + Excerpts.shown(name) + "\" is not a quantity of this problem" + hint + "; expected one of "
                + String.join(", ", qs.names());
    }

    /** The asked names nearest {@code name}, compared without case or separators, within the edits a typo makes. */
    private static List<String> nearest(String name, List<Quantity> asked) {
        String key = key(name);
        List<String> best = new ArrayList<>();
        if (key.length() < 3) {
            // "W1" is not a typo of "z1": a short name is only said to lack its layer number ("dW" for dW1, dW2)
            for (Quantity q : asked) {
                String k = key(q.name());
                if (k.length() > key.length() && k.startsWith(key) && k.substring(key.length()).chars().allMatch(Character::isDigit)) {
                    best.add(q.name());
                }
            }
            return best.size() > 3 ? List.of() : best;
        }
        int limit = Math.max(1, Math.min(2, key.length() / 3)); // as the problem loader's suggestions
        int bestDistance = Integer.MAX_VALUE;
        for (Quantity q : asked) {
            String k = key(q.name());
            if (Math.abs(k.length() - key.length()) > limit) {
                continue; // further than the limit, and the distance table would be large
            }
            int d = Fields.distance(key, k);
            if (d > limit) {
                continue;
            }
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance) {
                best.add(q.name());
            }
        }
        return best.size() > 3 ? List.of() : best; // more than three equally near is no suggestion
    }

    private static List<String> spellings(Quantity q, int layers) {
        List<String> out = new ArrayList<>(List.of(key(q.name())));
        if (layers == 1) {
            out.add(key(q.unindexedName()));
        }
        if (q.equals(Quantity.YHAT) && layers > 0) {
            out.add("a" + layers);
        }
        return out;
    }

    private static String key(String name) {
        return SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
