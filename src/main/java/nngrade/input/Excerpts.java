package nngrade.input;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text from a file as a message quotes it: clipped, so that a message stays one short line. */
public final class Excerpts {
    /**
     * Quoted stretches, taken pairwise from the left (in "token 'abc': … token 'null'" the quotes are
     * 'abc' and 'null'), and words of over 60 characters.
     */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\S{61,}");

    /** Why a message does not quote a file that is not what it was given as. */
    public static final String NOT_QUOTED = "a file that is not what it was given as may hold a secret";
    /** A column name as spreadsheets and LMSs write them: "Email address", "Points Possible", "ID (4711)". */
    private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}\\p{N} _\\-.()#/&'%]{1,40}");

    private Excerpts() {
    }

    /**
     * What a message says it found on a header line: the line, clipped, when it looks like a table's
     * header (two cells or more, each a column name: letters, digits, spaces and a little punctuation,
     * at most 40 characters); else nothing of it. A file given as a roster or overrides by mistake
     * ({@code --roster ~/secret.txt}) is not a table, and its first line may be a password or a token.
     */
    public static String foundHeader(List<String> cells, char delimiter) {
        boolean header = cells.size() >= 2 && cells.stream().allMatch(c -> COLUMN_NAME.matcher(c).matches());
        return header ? "found \"" + shown(String.join(String.valueOf(delimiter), cells)) + "\""
                : "found a line that is not a table's header (not quoted: " + NOT_QUOTED + ")";
    }

    /** At most 40 characters, then "…". */
    public static String shown(String text) {
        return clipped(text, 40);
    }

    /** A name from a file as a field path holds it ({@code given.NAME}): at most 100 characters, then "…". */
    public static String pathName(String name) {
        return clipped(name, 100);
    }

    /**
     * A parser's message with what it quotes of the input shortened to 40 characters: a quoted
     * stretch ("Unrecognized token 'aaaa…'") or a long word ("Malformed numeric value (-9999…").
     */
    public static String clipQuoted(String message) {
        return QUOTED.matcher(message).replaceAll(m -> {
            String g = m.group();
            char q = g.charAt(0);
            boolean quoted = g.length() >= 2 && (q == '\'' || q == '"') && g.charAt(g.length() - 1) == q;
            return Matcher.quoteReplacement(quoted ? q + shown(g.substring(1, g.length() - 1)) + q : shown(g));
        });
    }

    /**
     * Text from a file or a file name as a terminal line shows it: every control character (a newline,
     * a carriage return, ESC, DEL, C1), line and paragraph separators and the bidirectional overrides are
     * written as Java escapes ({@code \\n}, {@code \\r}, {@code \\t}, else {@code \\u001b}), so that a
     * name can neither start a line of its own, move the cursor, recolour the screen nor read backwards.
     * A backslash the text holds is kept as it is: the escapes are for reading, not for decoding.
     */
    public static String escaped(String text) {
        int i = 0;
        while (i < text.length() && !hidden(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to escape, no copy
        }
        StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!hidden(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean hidden(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
    }

    private static String clipped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max; // never half a character
        return text.substring(0, end) + "…";
    }
}
