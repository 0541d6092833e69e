package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.InputError;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over one problem file: every error found, each at its field, and the readers of
 * single values that report what is wrong with them. A pass goes on after an error, so that a
 * teacher sees every mistake at once, and stops where the rest depends on what was wrong.
 */
final class Validation {
    private final String source;
    private final ErrorList errors;
    /** Fields an unknown name was taken to be a typo of: their "is missing" would repeat the error. */
    private final Set<String> misspelled = new HashSet<>();

    Validation(String source) {
        this.source = source;
        this.errors = new ErrorList(source);
    }

    String source() {
        return source;
    }

    /** Every error found so far: a step compares counts to tell whether it found any. */
    long count() {
        return errors.count();
    }

    /** Notes that an unknown name, already reported, was taken for {@code field}: it is not missing too. */
    void misspelled(String field) {
        misspelled.add(field);
    }

    /** Records an error; a message such as "is missing" or "must be ≥ 0" is prefixed with the field. */
    void error(String field, String message) {
        boolean verb = message.startsWith("is ") || message.startsWith("must ");
        errors.add(InputError.atField(source, field, verb ? field + " " + message : message));
    }

    /** "is missing", unless an unknown field that looks like a typo of it was already reported. */
    void missing(String field, String message) {
        if (!misspelled.contains(field)) {
            error(field, message);
        }
    }

    /** Reports every field of {@code node} not in {@code known}, suggesting the one meant. */
    void unknownFields(JsonNode node, List<String> known, String prefix, String what) {
        for (String name : Fields.unknown(node, known)) {
            String path = prefix.isEmpty() ? Excerpts.pathName(name) : prefix + "." + Excerpts.pathName(name);
            error(path, Fields.unknownMessage(what, name, known));
            String meant = Fields.closest(name, known);
            if (meant != null) {
                misspelled.add(prefix.isEmpty() ? meant : prefix + "." + meant);
            }
        }
    }

    /** Ends the pass if anything was found wrong: what follows is checked against what came before. */
    void stopIfErrors() {
        errors.throwIfAny();
    }

    /** The text of {@code root.field}, or {@code fallback} where it is absent or not text. */
    String text(JsonNode root, String field, String fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            error(field, "expected text, found " + Fields.describe(n));
            return fallback;
        }
        return n.asText();
    }

    /** {@code root.field}, false where it is absent or not true or false. */
    boolean bool(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            error(field, "expected true or false, found " + Fields.describe(n));
            return false;
        }
        return n.asBoolean();
    }

    /** A finite number, written as a number or as text ("0,5", "1/3"); null after reporting why not. */
    Double number(JsonNode n, String field) {
        Numbers.Parsed p = n.isNumber() ? Numbers.finite(n.doubleValue(), n.asText())
                : n.isTextual() ? Numbers.parse(n.asText())
                : new Numbers.NotANumber("expected a number, found " + Fields.describe(n));
        if (p instanceof Numbers.Value v) {
            return v.value();
        }
        error(field, ((Numbers.NotANumber) p).reason());
        return null;
    }

    /** A whole number ≥ 1 ({@code 3.0} too); null after reporting why not. */
    Integer positiveInt(JsonNode n, String field, String what) {
        if (n == null) {
            missing(field, "is missing; expected " + what);
            return null;
        }
        boolean whole = n.isIntegralNumber()
                || (n.isBigDecimal() && n.decimalValue().stripTrailingZeros().scale() <= 0); // 3.0
        if (!whole || !n.canConvertToInt() || n.asInt() < 1) {
            error(field, "expected " + what + " (a whole number ≥ 1), found " + Fields.describe(n));
            return null;
        }
        return n.asInt();
    }

    /** A number ≥ 0, or null: absent, or after reporting why not. */
    Double nonNegative(JsonNode n, String path) {
        if (n == null) {
            return null;
        }
        Double v = number(n, path);
        if (v != null && v < 0) {
            error(path, "must be ≥ 0, found " + Numbers.exact(v));
            return null;
        }
        return v;
    }

    /** The most a quantity is worth: 10^6, far above any homework's, and small enough that a total stays exact. */
    static final double MAX_POINTS = 1e6;

    /** Points: a number more than 0 and at most {@link #MAX_POINTS}, or null (told) when it is not. */
    Double points(JsonNode n, String path) {
        if (n == null) {
            return null;
        }
        Double v = number(n, path);
        if (v != null && (v <= 0 || v > MAX_POINTS)) {
            error(path, "must be more than 0 and at most 1000000, found " + Numbers.exact(v));
            return null;
        }
        return v;
    }
}
