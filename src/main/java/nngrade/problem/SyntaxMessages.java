package nngrade.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.input.JsonErrors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.regex.Pattern;

/**
 * What the JSON and YAML parsers say of a problem file they refuse, in the words of the problem
 * format: a field given twice, a YAML .nan, a second document, a file cut short. The rest is
 * Jackson's reason as {@link JsonErrors} puts it.
 */
final class SyntaxMessages {
    private SyntaxMessages() {
    }

    /** The one line for a file the JSON or YAML parser refused, with the line (and field, where known). */
    static InputError of(String source, ProblemFormat format, JsonProcessingException e) {
        String what = "invalid " + format + ": ";
        int line = JsonErrors.line(e);
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String field = JsonErrors.field(e);
        if (original.startsWith("Duplicate field '") && field != null) {
            return new InputError(source, line, field, field + " appears twice; give each field once");
        }
        if (original.startsWith("Malformed numeric value '") && field != null) {
            // YAML's .nan and .inf, which the YAML parser cannot turn into a decimal
            String value = original.substring("Malformed numeric value '".length(), original.length() - 1);
            String reason = Numbers.parse(value) instanceof Numbers.NotANumber n ? n.reason()
                    : "\"" + Excerpts.shown(value) + "\" is not a number";
            return new InputError(source, line, field, reason);
        }
        if (original.startsWith("Trailing token")) {
            return InputError.atLine(source, line, what + (format == ProblemFormat.YAML
                    ? "a second document (after \"---\") follows the problem; a problem file holds one document"
                    : "more text follows the end of the problem object; a problem file holds one object"));
        }
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String msg = m.getProblem() == null ? "" : m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                msg += " (" + m.getContext() + " that starts on line " + (m.getContextMark().getLine() + 1) + ")";
            }
            return InputError.atLine(source, m.getProblemMark().getLine() + 1,
                    what + oneLineOf(msg) + " (column " + (m.getProblemMark().getColumn() + 1) + ")");
        }
        String msg = Excerpts.clipQuoted(forTeachers(JsonErrors.text(e)));
        if (line > 0) {
            return InputError.atLine(source, line, what + msg + " (column " + JsonErrors.column(e) + ")");
        }
        return InputError.inFile(source, what + msg);
    }

    /** Jackson's wording (its internals already left out) in the words of the problem format's documentation. */
    private static String forTeachers(String m) {
        var eof = Pattern.compile("Unexpected end-of-input: expected close marker for (Object|Array) "
                + "\\(start marker at line (\\d+), column \\d+\\)").matcher(m);
        if (eof.find()) {
            boolean object = eof.group(1).equals("Object");
            return "the file ends inside the " + (object ? "object" : "list") + " opened on line " + eof.group(2)
                    + " (a closing " + (object ? "}" : "]") + " is missing)";
        }
        return m.replaceAll("\\(start marker at line (\\d+), column \\d+\\)", "(opened on line $1)")
                .replaceAll("Unexpected character \\('(.)' \\(code \\d+\\)\\)", "unexpected character '$1'")
                .replace("maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' "
                        + "not enabled for parser)", "JSON has no comments (YAML has, after #)")
                .replace("(JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')",
                        "(a number, a \"string\", a list, an object, true, false or null)")
                .replaceAll("\\(for Object starting at line (\\d+), column \\d+\\)", "(to close the object opened on line $1)")
                .replaceAll("\\(for Array starting at line (\\d+), column \\d+\\)", "(to close the list opened on line $1)")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll("Expected a field name \\(Scalar value in YAML\\), got this instead: <.*>",
                        "a field name must be plain text, not a list or an object")
                // a unicode escape cut short by the end of the file: "failed to tokenize due to (java.lang.NumberFormatException)"
                .replaceAll("Malformed Number token: failed to tokenize due to \\(java\\.lang\\.NumberFormatException\\).*",
                        "an escape such as \\\\u00e9 needs its 4 hexadecimal digits");
    }

    /** The first line of a message, with tabs and other control characters shown as spaces. */
    private static String oneLineOf(String m) {
        return Excerpts.clipQuoted(m.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip());
    }
}
