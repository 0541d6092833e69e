package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A problem file as read, before validation: its name, its exact text (variants are a
 * function of it) and its tree. The tree must not be modified; {@link #withRoot} copies.
 */
public record ProblemFile(String source, String text, ObjectNode root) {

    /** Whether any given value is a generator ({@code {"random": …}}) rather than numbers. */
    public boolean hasGenerators() {
        JsonNode given = root.get("given");
        if (given == null || !given.isObject()) {
            return false;
        }
        for (JsonNode v : given) {
            if (v.isObject() && v.has("random")) {
                return true;
            }
        }
        return false;
    }

    public ProblemFile withRoot(ObjectNode newRoot) {
        return new ProblemFile(source, text, newRoot);
    }
}
