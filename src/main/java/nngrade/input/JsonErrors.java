package nngrade.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.regex.Pattern;

/**
 * What Jackson says when it refuses a JSON (or YAML) document, for a message a user can act on:
 * where it stopped (line, column, the field it was in) and why, without Jackson's names for its
 * own internals: "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);
 * line: 1, column: 20]" becomes "line 1, column 20", and "(32, from
 * `StreamReadConstraints.getMaxNestingDepth()`)" becomes "(32)".
 */
public final class JsonErrors {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CONSTRAINT = Pattern.compile(", from `[^`]*`");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private JsonErrors() {
    }

    /** The one line for a document the parser refused: {@code invalid JSON: …}, at its line where known. */
    public static InputError invalidJson(String source, JsonProcessingException e) {
        return InputError.atLine(source, line(e), "invalid JSON: " + message(e));
    }

    /** The line the parser stopped on, or 0 where it does not say. */
    public static int line(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    /** The column the parser stopped on, or 0 where it does not say. */
    public static int column(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? 0 : Math.max(0, loc.getColumnNr());
    }

    /** The field the parser was in, as messages name it: {@code given.W1[1]}; null at the top. */
    public static String field(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                sb.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                sb.insert(0, (sb.length() == 0 || sb.charAt(0) == '[' ? "" : "."))
                        .insert(0, Excerpts.pathName(c.getCurrentName()));
            }
        }
        if (sb.length() > 200) {
            return "…" + sb.substring(sb.length() - 200); // deep in unclosed objects: where it ends is what matters
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Jackson's reason on one line, with what it quotes of the input clipped. */
    public static String message(JsonProcessingException e) {
        return Excerpts.clipQuoted(text(e));
    }

    /**
     * Jackson's reason on one line, not yet clipped, for a reader that rewords it first: clipping
     * shortens what it quotes, and so can change the text a rewording looks for.
     */
    public static String text(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String first = CONTROL.matcher(original.lines().findFirst().orElse("")).replaceAll(" ").strip();
        return CONSTRAINT.matcher(SOURCE.matcher(first).replaceAll("line $1, column $2")).replaceAll("");
    }
}
