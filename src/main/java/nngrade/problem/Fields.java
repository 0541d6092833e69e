package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.Excerpts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Helpers for reading JSON trees field by field with messages a user can act on. */
public final class Fields {
    private Fields() {
    }

    /** The names in {@code node} that are not in {@code known}, each with a suggestion if one is close. */
    public static List<String> unknown(JsonNode node, Collection<String> known) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** "unknown field "learningrate" (did you mean "learningRate"?); expected one of …". */
    public static String unknownMessage(String what, String name, Collection<String> known) {
        String suggestion = closest(name, known);
        String hint = suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)";
        return "unknown " + what + " \"" + Excerpts.shown(name) + "\"" + hint + "; expected one of " + String.join(", ", known);
    }

    /**
     * The known name closest to {@code name}: same letters ignoring case, or within edit distance 2
     * (1 for short names). A one-letter name is only matched ignoring case: "z" is not a typo of "x".
     */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (Math.abs(kl.length() - lower.length()) > 2) {
                continue; // at least 3 edits apart, never a suggestion; and the distance table would be huge
            }
            int d = kl.equals(lower) ? 0 : distance(lower, kl);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(1, Math.min(2, name.length() / 3)) && bestDistance < name.length() ? best : null;
    }

    /** Edit distance counting a swap of two neighbouring letters ("titel") as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** How a JSON node is named in a message: {@code a string "abc"}, {@code an object}, … */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "\"" + Excerpts.shown(node.asText()) + "\"";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return Excerpts.shown(node.asText());
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        if (node.isBinary()) {
            return "binary data"; // YAML's !!binary
        }
        return node.isEmpty() ? "an empty object" : "an object";
    }
}
