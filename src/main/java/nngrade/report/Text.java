package nngrade.report;

/**
 * Escaping of student-controlled text for each text output format (HTML's is in
 * {@link PageOutput}, where the page templates write).
 */
public final class Text {
    private Text() {
    }

    /**
     * One printable line for a file nngrade writes (Markdown, an LMS's feedback cell): control characters
     * (ANSI escapes, newlines) become spaces or are dropped. A terminal line escapes them instead
     * ({@link nngrade.input.Excerpts#escaped}), so that the teacher sees what the name holds.
     */
    public static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Markdown (GitHub-flavoured): neutralises the characters that start markup or break tables. */
    public static String markdown(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : oneLine(s).toCharArray()) {
            if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A CSV cell a spreadsheet will show as text: a cell starting with =, +, -, @, tab or CR
     * would be read as a formula, so it gets a leading apostrophe (OWASP's advice).
     */
    public static String csvCell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    /**
     * An XML 1.0 attribute value: as {@link #xml}, with tab, newline and CR as character
     * references, which a parser keeps (written as they are, it would turn them into spaces).
     */
    public static String xmlAttribute(String s) {
        return xml(s).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;");
    }

    /** XML 1.0 text: escapes markup and drops characters XML cannot hold. */
    public static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
                        sb.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    }
                }
            }
        }
        return sb.toString();
    }
}
