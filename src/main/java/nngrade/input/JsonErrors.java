package nngrade.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.regex.Matcher;
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

    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object) "
            + "starting at line (\\d+), column (\\d+)\\)");
    private static final Pattern END = Pattern.compile("^Unexpected end-of-input: expected close marker for (Array|Object) "
            + "\\(start marker at line (\\d+), column (\\d+)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)': was expecting");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    private static final String VALUES = "a number, a list [ ], \"text\", an object { }, true, false or null";

    /**
     * The one line for a submission the parser refused, in a student's words: where (line and
     * column), and what JSON expects there, with the path of the answer it was in
     * ({@code answers.z1}) counted from 1. {@code text} is the document, for a decimal comma at
     * the place ({@code 3,86}), which JSON reads as a number and then a stray one.
     */
    public static InputError forStudents(String source, JsonProcessingException e, CharSequence text) {
        int line = line(e);
        String said = text(e);
        if (line == 0) {
            return InputError.inFile(source, "invalid JSON: " + Excerpts.clipQuoted(said));
        }
        return InputError.atLine(source, line, "invalid JSON: " + Excerpts.clipQuoted(reworded(e, said, text))
                + " (column " + column(e) + ")");
    }

    private static String reworded(JsonProcessingException e, String said, CharSequence text) {
        String comma = decimalComma(e, text);
        if (comma != null) {
            return comma + " has a decimal comma, which JSON does not read as one number; write "
                    + comma.replace(',', '.') + ", or \"" + comma + "\" as text";
        }
        JsonParser p = e.getProcessor() instanceof JsonParser jp ? jp : null;
        String entry = p == null ? null : field(p.getParsingContext(), 1);
        String in = entry == null ? "" : " in " + entry;
        Matcher ch = CHARACTER.matcher(said);
        String found = !ch.find() ? null : ch.group(1).equals("'") ? "' (a single quote)" : "'" + ch.group(1) + "'";
        if (found != null && said.contains("was expecting comma to separate Object entries")) {
            return "expected , or } after the value of " + (entry == null ? "the last entry" : entry) + ", found " + found
                    + (found.equals("'\"'") ? " (a comma is missing before the next name)" : "");
        }
        if (found != null && said.contains("was expecting comma to separate Array entries")) {
            String list = field(p.getParsingContext().getParent(), 1);
            return "expected , or ] between the values of " + (list == null ? "a list" : list) + ", found " + found;
        }
        if (found != null && said.contains("was expecting double-quote to start field name")) {
            return "expected a name in double quotes (\"z1\"), found " + found
                    + (found.startsWith("' ") ? "; JSON names take double quotes, not single ones" : "");
        }
        if (found != null && said.contains("was expecting a colon to separate field name and value")) {
            return "expected : after the name " + (entry == null ? "" : entry + " ") + "and before its value, found " + found;
        }
        if (found != null && (said.contains("expected a valid value") || said.endsWith("expected a value"))) {
            return "expected a value" + in + " (" + VALUES + "), found " + found
                    + (found.equals("'.'") ? "; a number needs a digit before its point (0.5)" : "")
                    + (found.equals("','") ? "; two commas with no value between them" : "");
        }
        Matcher close = CLOSE.matcher(said);
        if (close.find()) {
            String opened = close.group(3).equals("Array") ? "list" : "object";
            return "found " + close.group(1) + ", but the " + opened + " opened on line " + close.group(4) + ", column "
                    + close.group(5) + " is still open: expected its closing " + close.group(2) + " first";
        }
        Matcher end = END.matcher(said);
        if (end.find()) {
            boolean object = end.group(1).equals("Object");
            return "the file ends inside the " + (object ? "object" : "list") + " opened on line " + end.group(2)
                    + ", column " + end.group(3) + ": expected its closing " + (object ? "}" : "]");
        }
        if (said.startsWith("Unexpected end-of-input within/between Object entries")) {
            return "the file ends inside an object" + (entry == null ? "" : ", after " + entry) + ": expected , or }";
        }
        if (said.startsWith("Unexpected end-of-input: was expecting closing quote")
                || said.startsWith("Unexpected end-of-input in VALUE_STRING")) {
            return "the file ends inside a text value" + in + ": expected its closing \"";
        }
        if (said.startsWith("Illegal unquoted character ((CTRL-CHAR, code 10))")
                || said.startsWith("Illegal unquoted character ((CTRL-CHAR, code 13))")) {
            return "a text value" + in + " runs to the end of its line: expected its closing \" on the same line";
        }
        Matcher token = TOKEN.matcher(said);
        if (token.find()) {
            return "expected a value" + in + " (" + VALUES + "), found " + token.group(1);
        }
        return CHARACTER.matcher(said).replaceFirst("unexpected character '$1'");
    }

    /** A number with a decimal comma ({@code 3,86}) where the parser stopped, if there is one; else null. */
    private static String decimalComma(JsonProcessingException e, CharSequence text) {
        JsonLocation loc = e.getLocation();
        if (text == null || loc == null || text.length() == 0) {
            return null;
        }
        long offset = loc.getCharOffset() >= 0 ? loc.getCharOffset() : loc.getByteOffset();
        if (offset < 0) {
            return null;
        }
        int at = (int) Math.min(offset, text.length() - 1L);
        int from = at;
        while (from > 0 && from > at - 40 && isNumberChar(text.charAt(from - 1))) {
            from--;
        }
        int to = at;
        while (to < text.length() && to < at + 40 && isNumberChar(text.charAt(to))) {
            to++;
        }
        String around = text.subSequence(from, to).toString();
        Matcher m = DECIMAL_COMMA.matcher(around);
        while (m.find()) {
            if (m.start() <= at - from && at - from <= m.end()) {
                return m.group();
            }
        }
        return null;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '-';
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
        return field(p.getParsingContext(), 0);
    }

    /** The path of a parser's place, its list items counted from {@code first}. */
    private static String field(JsonStreamContext context, int first) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                sb.insert(0, "[" + (Math.max(0, c.getCurrentIndex()) + first) + "]");
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
