package nngrade.report.worked;

import nngrade.report.Messages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TeX math (for Markdown's {@code $…$} and LaTeX, and read back by {@link MathMl} for HTML) from the Unicode math
 * {@code nngrade.solve.Formulas} writes: {@code x·W1ᵀ + b1} becomes {@code x \cdot W_{1}^{\top} + b_{1}}.
 * Words of the reader's language ("with", "dacă") become {@code \text{…}}; numbers take the
 * language's decimal separator ({@code 0{,}5} in Romanian). TeX's special characters never pass
 * through unescaped.
 */
public final class Tex implements Notation {
    private static final Map<Character, String> SYMBOLS = Map.ofEntries(
            Map.entry('·', "\\cdot "), Map.entry('⊙', "\\odot "), Map.entry('−', "-"), Map.entry('×', "\\times "),
            Map.entry('ᵀ', "^{\\top}"), Map.entry('²', "^{2}"), Map.entry('‖', "\\|"),
            Map.entry('Σ', "\\sum"), Map.entry('ᵢ', "_{i}"), Map.entry('ⱼ', "_{j}"), Map.entry('ₖ', "_{k}"), Map.entry('ₗ', "_{l}"),
            Map.entry('ℓ', "\\ell "), Map.entry('∂', "\\partial "), Map.entry('′', "'"), Map.entry('δ', "\\delta "),
            Map.entry('η', "\\eta "), Map.entry('λ', "\\lambda "), Map.entry('β', "\\beta "),
            Map.entry('ε', "\\varepsilon "), Map.entry('σ', "\\sigma "), Map.entry('≥', "\\ge "), Map.entry('≤', "\\le "),
            Map.entry('≈', "\\approx "),
            Map.entry('ŷ', "\\hat{y}"), Map.entry('∞', "\\infty "), Map.entry('→', "\\to "),
            Map.entry('%', "\\%"), Map.entry('{', "\\{"), Map.entry('}', "\\}"), Map.entry('#', "\\#"),
            Map.entry('$', "\\$"), Map.entry('&', "\\&"), Map.entry('\\', "\\backslash "), Map.entry('~', "\\sim "), Map.entry('½', "\\tfrac{1}{2}"));
    private static final Set<String> FUNCTIONS = Set.of("softmax", "tanh", "ln", "exp", "relu", "max", "min", "log",
            "sigmoid", "linear");
    /** The functions TeX has its own command for: {@code \\ln}, {@code \\tanh}. */
    private static final Set<String> BUILT_IN = Set.of("tanh", "ln", "exp", "max", "min", "log");
    private static final Set<String> VARIABLES = Set.of("dW", "db", "da", "vW", "vb", "sW", "sb", "mW", "mb");

    private final char decimalSeparator;
    /** Between two entries of a row: a comma, a semicolon where the comma is the decimal separator. */
    private final String entrySeparator;

    /** TeX for KaTeX and MathJax (Markdown). */
    public Tex(Messages.Lang lang) {
        this(lang, false);
    }

    /** @param breakable whether a line may break between two entries of a row (LaTeX's \allowbreak) */
    Tex(Messages.Lang lang, boolean breakable) {
        this.decimalSeparator = lang == Messages.Lang.ro ? ',' : '.';
        boolean comma = decimalSeparator == ',';
        // a line may break between two numbers of a long row, never inside one
        this.entrySeparator = (comma ? ";" : ",") + (breakable ? "\\allowbreak" : "") + (comma ? "\\ " : " ");
    }

    /** A plain decimal ({@code -0.25}) in the language's notation: {@code -0{,}25} in Romanian. */
    @Override
    public String number(String plain) {
        return decimalSeparator == ',' ? plain.replace(".", "{,}") : plain;
    }

    @Override
    public String row(List<String> entries) {
        return "(" + String.join(entrySeparator, entries) + ")";
    }

    @Override
    public String matrix(List<List<String>> rows) {
        return rows.stream().map(r -> " " + String.join(" & ", r))
                .collect(Collectors.joining(" \\\\ ", "\\begin{pmatrix}", " \\end{pmatrix}"));
    }

    @Override
    public String subscript(String base, List<Integer> indices) {
        return base + "_{" + indices.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}";
    }

    /** {@code math} as TeX. */
    @Override
    public String of(String math) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = math.length();
        while (i < n) {
            char c = math.charAt(i);
            int name = underscoredName(math, i, out);
            if (name > i) {
                i = name;
            } else if (isLatin(c) && c != 'ŷ') {
                int j = i;
                while (j < n && isLatin(math.charAt(j)) && math.charAt(j) != 'ŷ') {
                    j++;
                }
                String word = math.substring(i, j);
                // d and one letter is a gradient (dx, da of a graph), not a word
                if (word.length() == 1 || VARIABLES.contains(word) || (word.length() == 2 && word.charAt(0) == 'd')) {
                    out.append(word);
                    if (j < n && math.charAt(j) == '\u0302') { // m̂, v̂
                        out.setLength(out.length() - 1);
                        out.append("\\hat{").append(word.charAt(word.length() - 1)).append('}');
                        j++;
                    }
                    i = indices(math, j, out);
                } else if (word.equals("leaky") && math.startsWith("-relu", j)) {
                    out.append("\\operatorname{leaky\\text{-}relu}");
                    i = j + "-relu".length();
                } else if (FUNCTIONS.contains(word)) {
                    out.append(BUILT_IN.contains(word) ? "\\" + word + " " : "\\operatorname{" + word + "}");
                    i = j;
                } else if (j < n && identifierChar(math.charAt(j)) && asciiLetter(c)) {
                    // a graph's name with digits in it (hid2e1, in1e5): one name, as text
                    int k = j;
                    while (k < n && identifierChar(math.charAt(k))) {
                        k++;
                    }
                    out.append("\\text{").append(math, i, k).append('}');
                    i = k;
                } else {
                    // a run of words and the spaces and hyphens between them: one \text
                    int k = j;
                    while (k + 1 < n && (math.charAt(k) == ' ' || math.charAt(k) == '-') && startsWord(math, k + 1)) {
                        k++;
                        while (k < n && isLatin(math.charAt(k))) {
                            k++;
                        }
                    }
                    // math mode drops the spaces around the words: \text keeps those the formula has
                    // between words ("softmax with"), not those beside an operator ("pp = x·y")
                    out.append("\\text{").append(spaceBetweenWords(math, i - 1, -1) ? " " : "").append(math, i, k)
                            .append(spaceBetweenWords(math, k, 1) ? " " : "").append('}');
                    i = k;
                }
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isDigit(math.charAt(j))
                        || ((math.charAt(j) == '.' || math.charAt(j) == ',') && j + 1 < n
                        && Character.isDigit(math.charAt(j + 1)) && j > i))) {
                    j++;
                }
                int mantissa = out.length();
                out.append(number(math.substring(i, j).replace(',', '.')));
                // the digits of a name (hid2e1, a graph's) are no number in E notation
                boolean ofName = i > 0 && identifierChar(math.charAt(i - 1));
                i = ofName ? j : exponent(math, j, out, mantissa);
            } else if (c == '_' && i + 1 < n && isLatin(math.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && isLatin(math.charAt(j))) {
                    j++;
                }
                String word = math.substring(i + 1, j);
                out.append(FUNCTIONS.contains(word) ? "_{\\operatorname{" + word + "}}" : "^{\\text{" + word + "}}");
                i = j;
            } else if (c == '^') {
                // a power: x^3, x^0.5, x^−1 (TeX would raise only the first character)
                int j = i + 1;
                while (j < n && (Character.isDigit(math.charAt(j)) || ((math.charAt(j) == '.' || math.charAt(j) == ',')
                        && j + 1 < n && Character.isDigit(math.charAt(j + 1))) || (j == i + 1 && (math.charAt(j) == '−'
                        || math.charAt(j) == '-')))) {
                    j++;
                }
                // a power in E notation (x^1e-05) is raised whole, its exponent a power of ten
                if (j > i + 1 && j < n && (math.charAt(j) == 'e' || math.charAt(j) == 'E')) {
                    int k = j + 1 < n && "-−+".indexOf(math.charAt(j + 1)) >= 0 ? j + 2 : j + 1;
                    int digits = k;
                    while (k < n && Character.isDigit(math.charAt(k))) {
                        k++;
                    }
                    j = k > digits ? k : j;
                }
                // without a number after it (β^t), ^ raises the next character as TeX does
                out.append(j > i + 1 ? "^{" + of(math.substring(i + 1, j)) + "}" : "^");
                i = j;
            } else if (c == '√') {
                // the root of the atom after it: √v̂, √sW1_next
                int j = i + 1;
                while (j < n && (isLatin(math.charAt(j)) || Character.isDigit(math.charAt(j)) || math.charAt(j) == '\u0302')) {
                    j++;
                }
                if (math.startsWith("_next", j)) {
                    j += "_next".length();
                }
                out.append("\\sqrt{").append(of(math.substring(i + 1, j))).append('}');
                i = j;
            } else if (SYMBOLS.containsKey(c)) {
                out.append(SYMBOLS.get(c));
                i++;
                if (c == 'ℓ' || c == 'δ' || c == 'β' || c == 'ŷ' || c == 'η' || c == 'λ' || c == 'σ' || c == 'ε') {
                    i = indices(math, i, out);
                }
            } else if (remarkAt(math, i)) {
                // dW1 (η = 1), ŷ − y (softmax with cross-entropy): a remark set apart, not an argument
                out.append("\\quad ");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replace(" ^", "^").replace(" _", "_");
    }

    /**
     * A graph's name with an underscore of its own ({@code x_y}, {@code _a}, {@code W_in_1}; a
     * teacher's identifier, not our {@code _next} or {@code J_softmax}) at {@code i}: written as
     * text with its underscores, {@code _next} after it raised. Returns where the name ends, or
     * {@code i} when there is none at {@code i}.
     */
    private static int underscoredName(String math, int i, StringBuilder out) {
        if (i > 0 && identifierChar(math.charAt(i - 1)) || !(math.charAt(i) == '_' || asciiLetter(math.charAt(i)))) {
            return i;
        }
        int j = i;
        while (j < math.length() && identifierChar(math.charAt(j))) {
            j++;
        }
        String token = math.substring(i, j);
        boolean next = token.endsWith("_next") && token.length() > "_next".length();
        String base = next ? token.substring(0, token.length() - "_next".length()) : token;
        int underscore = base.indexOf('_');
        if (underscore < 0 || (underscore > 0 && base.indexOf('_', underscore + 1) < 0
                && FUNCTIONS.contains(base.substring(underscore + 1)))) {
            return i;
        }
        out.append("\\text{").append(base.replace("_", "\\_")).append('}').append(next ? "^{\\text{next}}" : "");
        return j;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean identifierChar(char c) {
        return asciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /** A variable's layer index (digits, as a subscript) and {@code _next}, {@code ᵀ} after it. */
    private static int indices(String math, int j, StringBuilder out) {
        int n = math.length();
        int k = j;
        while (k < n && Character.isDigit(math.charAt(k))) {
            k++;
        }
        if (k > j) {
            trimSpace(out);
            out.append("_{").append(math, j, k).append('}');
        }
        if (math.startsWith("_next", k)) {
            trimSpace(out);
            out.append("^{\\text{next}}");
            k += "_next".length();
        }
        return k;
    }

    private static void trimSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /**
     * Whether {@code math} has a space at {@code at} with no operator beyond it (one further in
     * {@code direction}): a space between words ("softmax with", ", else") rather than beside an
     * operator, which math mode spaces by itself ("pp = x·y").
     */
    private static boolean spaceBetweenWords(String math, int at, int direction) {
        int beyond = at + direction;
        if (at < 0 || at >= math.length() || math.charAt(at) != ' ' || beyond < 0 || beyond >= math.length()) {
            return false;
        }
        return "=+−-·/<>≤≥×⊙".indexOf(math.charAt(beyond)) < 0;
    }

    /**
     * Whether {@code math} has at {@code space} a space and a parenthesised remark after an operand:
     * {@code dW1 (η = 1)}, {@code ŷ − y (softmax with cross-entropy)}; set apart from the formula,
     * and where a formula may break its line.
     */
    static boolean remarkAt(String math, int space) {
        return space > 0 && space + 1 < math.length() && math.charAt(space) == ' ' && math.charAt(space + 1) == '('
                && remarked(math.charAt(space - 1)) && remark(math, space + 1);
    }

    /**
     * Whether a space and a parenthesis after {@code c} open a remark: after an operand, not after
     * an operator or a sum's index (Σₖ (ŷₖ − yₖ)², what the sum runs over).
     */
    private static boolean remarked(char c) {
        return (Character.isLetterOrDigit(c) && "ᵢⱼₖₗ".indexOf(c) < 0) || c == ')' || c == ']' || c == 'ᵀ' || c == '²';
    }

    /**
     * A number's exponent in E notation at {@code j} ({@code 1e-8}, Adam's ε), written as the
     * power of ten it is: {@code 10^{-8}}, or {@code 2.5\cdot 10^{-8}} (TeX would set 1e−8 as
     * 1·e minus 8). The mantissa is in {@code out} from {@code mantissa}. Returns where the
     * number ends.
     */
    private static int exponent(String math, int j, StringBuilder out, int mantissa) {
        int n = math.length();
        if (j >= n || (math.charAt(j) != 'e' && math.charAt(j) != 'E')) {
            return j;
        }
        int k = j + 1;
        boolean negative = k < n && (math.charAt(k) == '-' || math.charAt(k) == '−');
        if (k < n && (negative || math.charAt(k) == '+')) {
            k++;
        }
        int digits = k;
        while (k < n && Character.isDigit(math.charAt(k))) {
            k++;
        }
        if (k == digits || (k < n && isLatin(math.charAt(k)))) {
            return j; // a word after the number, not an exponent
        }
        String power = "10^{" + (negative ? "-" : "") + math.substring(digits, k).replaceFirst("^0+(?=\\d)", "") + "}";
        String m = out.substring(mantissa);
        out.setLength(mantissa);
        out.append(m.equals("1") ? power : m + "\\cdot " + power);
        return k;
    }

    /**
     * Whether the group opening at {@code open} is a remark: settings ({@code (η = 1)}) or words
     * ({@code (softmax with cross-entropy)}, {@code (of step 2)}), not a factor such as the
     * {@code (Σᵢ ℓᵢ + …)} of {@code (1/m) (Σᵢ ℓᵢ + …)}.
     */
    private static boolean remark(String math, int open) {
        int close = closing(math, open);
        String inner = close < 0 ? "" : math.substring(open + 1, close);
        return topLevelEquals(inner) || inner.matches("\\p{IsLatin}{2,} .*");
    }

    /** Where the parenthesis opening at {@code open} closes, or −1 when it does not. */
    static int closing(String math, int open) {
        int depth = 0;
        for (int k = open; k < math.length(); k++) {
            char c = math.charAt(k);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean topLevelEquals(String s) {
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && s.startsWith(" = ", k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWord(String s, int i) {
        int j = i;
        while (j < s.length() && isLatin(s.charAt(j))) {
            j++;
        }
        String w = s.substring(i, j);
        return w.length() >= 2 && !FUNCTIONS.contains(w) && !VARIABLES.contains(w);
    }

    private static boolean isLatin(char c) {
        return !SYMBOLS.containsKey(c) && Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
