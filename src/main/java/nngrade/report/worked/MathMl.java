package nngrade.report.worked;

import nngrade.report.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MathML (what browsers set without a script) for the math of a worked solution. A formula is
 * first written as TeX by {@link Tex}, the one place that reads the math of
 * {@code nngrade.solve.Formulas}, and that TeX (a small, fixed part of TeX: letters, numbers,
 * operators, {@code ^} and {@code _}, groups and the commands below) is then set as MathML
 * elements. Every character of the output is escaped: nothing a formula holds becomes markup.
 */
final class MathMl implements Notation {
    /** Commands that are one identifier or one operator. */
    private static final Map<String, String> IDENTIFIERS = Map.ofEntries(
            Map.entry("delta", "δ"), Map.entry("eta", "η"), Map.entry("lambda", "λ"), Map.entry("beta", "β"),
            Map.entry("varepsilon", "ε"), Map.entry("sigma", "σ"), Map.entry("ell", "ℓ"), Map.entry("partial", "∂"),
            Map.entry("infty", "∞"), Map.entry("top", "⊤"));
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("cdot", "·"), Map.entry("odot", "⊙"), Map.entry("times", "×"), Map.entry("sum", "∑"),
            Map.entry("to", "→"), Map.entry("ge", "≥"), Map.entry("le", "≤"), Map.entry("approx", "≈"), Map.entry("sim", "∼"),
            Map.entry("backslash", "\\"), Map.entry("|", "‖"), Map.entry("{", "{"), Map.entry("}", "}"),
            Map.entry("%", "%"), Map.entry("#", "#"), Map.entry("$", "$"), Map.entry("&", "&"));
    /** Parentheses as TeX sets them in a formula: as tall as the text, not stretched to what they hold. */
    private static final String OPEN = "<mo stretchy=\"false\">(</mo>";
    private static final String CLOSE = "<mo stretchy=\"false\">)</mo>";
    /** Punctuation with the space after it that TeX gives it (browsers give none). */
    private static final String COMMA = "<mo lspace=\"0\" rspace=\"0.2em\">,</mo>";
    private static final String SEMICOLON = "<mo lspace=\"0\" rspace=\"0.3em\">;</mo>";
    /** After a function's name (ln ŷ): TeX's thin space, where browsers put none. */
    private static final String APPLY = "<mo lspace=\"0\" rspace=\"0.1667em\">\u2061</mo>";
    /** Functions TeX has a command for, set upright as one identifier. */
    private static final List<String> FUNCTIONS = List.of("ln", "exp", "tanh", "max", "min", "log");

    private final Tex tex;
    private final boolean decimalComma;

    MathMl(Messages.Lang lang) {
        this.tex = new Tex(lang);
        this.decimalComma = lang == Messages.Lang.ro;
    }

    @Override
    public String of(String math) {
        return fromTex(tex.of(math));
    }

    @Override
    public String number(String plain) {
        String digits = plain.startsWith("-") ? plain.substring(1) : plain;
        String mn = "<mn>" + (decimalComma ? digits.replace('.', ',') : digits) + "</mn>";
        // an mrow of its own: the minus is a sign (prefix, no space), not a subtraction
        return plain.startsWith("-") ? "<mrow><mo>−</mo>" + mn + "</mrow>" : mn;
    }

    @Override
    public String row(List<String> entries) {
        return "<mrow>" + OPEN + String.join(decimalComma ? SEMICOLON : COMMA, entries) + CLOSE + "</mrow>";
    }

    @Override
    public String matrix(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(c -> "<mtd>" + c + "</mtd>").collect(Collectors.joining("", "<mtr>", "</mtr>")))
                .collect(Collectors.joining("", "<mrow><mo>(</mo><mtable>", "</mtable><mo>)</mo></mrow>"));
    }

    @Override
    public String subscript(String base, List<Integer> indices) {
        String index = indices.stream().map(i -> "<mn>" + i + "</mn>").collect(Collectors.joining("<mo>,</mo>"));
        return "<msub><mrow>" + base + "</mrow>" + (indices.size() == 1 ? index : "<mrow>" + index + "</mrow>") + "</msub>";
    }

    /** The TeX that {@link Tex} writes, as MathML elements. */
    static String fromTex(String tex) {
        Parser p = new Parser(tex);
        String out = p.sequence();
        if (p.i < tex.length()) {
            throw new IllegalArgumentException("unbalanced } at " + p.i + " in " + tex);
        }
        return out;
    }

    /**
     * One atom, with the sub- and superscript attached to it; a function's name keeps the
     * application after its scripts ({@code tanh²(z)}, {@code relu′(z)}: the script on the name,
     * then the space before the argument).
     */
    private record Atom(String base, String sub, String sup) {
        static Atom of(String written) {
            return new Atom(written, null, null);
        }

        boolean applied() {
            return base.endsWith(APPLY);
        }

        String mathMl() {
            String name = applied() ? base.substring(0, base.length() - APPLY.length()) : base;
            String after = applied() ? APPLY : "";
            if (sub != null && sup != null) {
                return "<msubsup>" + name + sub + sup + "</msubsup>" + after;
            }
            if (sub != null) {
                return "<msub>" + name + sub + "</msub>" + after;
            }
            return (sup != null ? "<msup>" + name + sup + "</msup>" : name) + after;
        }
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        /** Atoms up to the end or a closing brace (not consumed). */
        String sequence() {
            List<Atom> atoms = new ArrayList<>();
            while (i < s.length() && s.charAt(i) != '}') {
                char c = s.charAt(i);
                if (c == ' ') {
                    i++;
                } else if (c == '^' || c == '_') {
                    i++;
                    String script = argument();
                    Atom last = atoms.isEmpty() ? Atom.of("<mrow></mrow>") : atoms.remove(atoms.size() - 1);
                    if ((c == '^' ? last.sup() : last.sub()) != null) { // a second script: on the whole, as TeX groups it
                        last = Atom.of("<mrow>" + last.mathMl() + "</mrow>");
                    }
                    atoms.add(c == '^' ? new Atom(last.base(), last.sub(), script) : new Atom(last.base(), script, last.sup()));
                } else if (c == '\'' && !atoms.isEmpty() && atoms.get(atoms.size() - 1).applied()
                        && atoms.get(atoms.size() - 1).sup() == null) {
                    i++;
                    Atom last = atoms.remove(atoms.size() - 1);
                    atoms.add(new Atom(last.base(), last.sub(), "<mo>′</mo>"));
                } else {
                    atoms.add(Atom.of(atom()));
                }
            }
            StringBuilder out = new StringBuilder();
            atoms.forEach(a -> out.append(a.mathMl()));
            return out.toString();
        }

        /** The argument of a command or script: a group, or one atom. */
        private String argument() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '{') {
                return "<mrow>" + group() + "</mrow>";
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("a script without its argument at the end of " + s);
            }
            return atom();
        }

        /** The inside of {…}, braces consumed. */
        private String group() {
            i++;
            String inner = sequence();
            expect('}');
            return inner;
        }

        /** The raw text of {…}, braces consumed. */
        private String rawGroup() {
            expect('{');
            int depth = 1;
            int start = i;
            while (i < s.length() && depth > 0) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (depth > 0) {
                throw new IllegalArgumentException("unclosed { in " + s);
            }
            return s.substring(start, i - 1);
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
            }
            i++;
        }

        private String atom() {
            char c = s.charAt(i);
            if (c == '{') {
                return "<mrow>" + group() + "</mrow>";
            }
            if (c == '\\') {
                return command();
            }
            if (Character.isDigit(c)) {
                StringBuilder digits = new StringBuilder();
                while (i < s.length()) {
                    if (Character.isDigit(s.charAt(i))) {
                        digits.append(s.charAt(i++));
                    } else if (s.startsWith("{,}", i) && i + 3 < s.length() && Character.isDigit(s.charAt(i + 3))) {
                        digits.append(',');
                        i += 3;
                    } else if (s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                        digits.append('.');
                        i++;
                    } else {
                        break;
                    }
                }
                return "<mn>" + digits + "</mn>";
            }
            i++;
            if (c == '\'') {
                return "<mo>′</mo>";
            }
            switch (c) {
                case '-':
                    return "<mo>−</mo>";
                case '(':
                    return OPEN;
                case ')':
                    return CLOSE;
                case '[', ']':
                    return "<mo stretchy=\"false\">" + c + "</mo>";
                case ',':
                    return COMMA;
                case ';':
                    return SEMICOLON;
                default:
                    break;
            }
            String e = escape(String.valueOf(c));
            return Character.isLetter(c) ? "<mi>" + e + "</mi>" : "<mo>" + e + "</mo>";
        }

        private String command() {
            i++;
            int start = i;
            if (i < s.length() && !Character.isLetter(s.charAt(i))) {
                i++;
            } else {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
            }
            String name = s.substring(start, i);
            if (IDENTIFIERS.containsKey(name)) {
                return "<mi>" + IDENTIFIERS.get(name) + "</mi>";
            }
            if (OPERATORS.containsKey(name)) {
                return "<mo>" + escape(OPERATORS.get(name)) + "</mo>";
            }
            if (FUNCTIONS.contains(name)) {
                return "<mi>" + name + "</mi>" + APPLY;
            }
            return switch (name) {
                case " " -> "<mspace width=\"0.3em\"></mspace>";
                case "quad" -> "<mspace width=\"1em\"></mspace>";
                case "allowbreak" -> "";
                case "hat" -> "<mover accent=\"true\">" + argument() + "<mo>^</mo></mover>";
                case "sqrt" -> "<msqrt>" + argument() + "</msqrt>";
                case "tfrac" -> "<mfrac>" + argument() + argument() + "</mfrac>";
                // leaky\text{-}relu: one name
                case "operatorname" -> "<mi>" + escape(rawGroup().replace("\\text{-}", "-")) + "</mi>" + APPLY;
                case "text" -> "<mtext>" + escape(rawGroup().replace("\\_", "_")).replace(' ', '\u00a0') + "</mtext>";
                default -> throw new IllegalArgumentException("\\" + name + " is not set as MathML, in " + s);
            };
        }
    }

    /** A character of a formula as MathML text: markup characters as references. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
