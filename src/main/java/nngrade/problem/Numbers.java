package nngrade.problem;

import nngrade.input.Excerpts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading and writing numbers the way students and spreadsheets write them: {@code 0.35},
 * {@code 0,35} (decimal comma), {@code −2} (typographic minus), {@code 1/3}, {@code -2.5e-3}.
 * Never NaN, infinities, hexadecimal or Java suffixes, which {@link Double#parseDouble} would take.
 */
public final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?(\\d+(,\\d*)?|,\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_LENGTH = 100;

    private Numbers() {
    }

    /** The result of reading one cell: a finite value, or why it is not one. */
    public sealed interface Parsed {
    }

    public record Value(double value) implements Parsed {
    }

    public record NotANumber(String reason) implements Parsed {
    }

    /** Reads {@code text}; the reason of a failure is a phrase such as {@code "abc" is not a number}. */
    public static Parsed parse(String text) {
        String t = normalized(text);
        if (t.isEmpty()) {
            return new NotANumber("the value is empty");
        }
        if (t.length() > MAX_LENGTH) {
            return new NotANumber("a value of " + t.length() + " characters is not a number");
        }
        int slash = t.indexOf('/');
        if (slash > 0) {
            String num = t.substring(0, slash).strip();
            String den = t.substring(slash + 1).strip();
            if (!isDecimal(num) || !isDecimal(den)) {
                return new NotANumber(quote(text) + " is not a number");
            }
            double d = decimal(den);
            if (d == 0) {
                return new NotANumber(quote(text) + " divides by zero");
            }
            return checked(decimal(num) / d, text);
        }
        if (isDecimal(t)) {
            return checked(decimal(t), text); // 1e309 is a decimal, but not a finite double
        }
        return notANumber(text, t);
    }

    /** Stripped, with the typographic minus (and the en dash often typed for it) as '-'. */
    private static String normalized(String text) {
        return text.strip().replace('\u2212', '-').replace('\u2013', '-');
    }

    private static boolean isDecimal(String t) {
        return DECIMAL.matcher(t).matches() || DECIMAL_COMMA.matcher(t).matches();
    }

    private static double decimal(String t) {
        return Double.parseDouble(t.replace(',', '.'));
    }

    private static Parsed checked(double v, String text) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return new NotANumber(quote(text) + " is not a finite number (too large for a double)");
        }
        return new Value(v);
    }

    private static Parsed notANumber(String text, String normalized) {
        String t = normalized.toLowerCase(Locale.ROOT);
        // whole words only: "banana" is just not a number; .nan and .inf are YAML's spellings
        if (t.matches("[+-]?\\.?nan")) {
            return new NotANumber(quote(text) + " is not a number (NaN is not accepted)");
        }
        if (t.matches("[+-]?(\\.?inf|infinity|∞)")) {
            return new NotANumber(quote(text) + " is not a finite number");
        }
        return new NotANumber(quote(text) + " is not a number");
    }

    /** Checks a value read elsewhere (e.g. by a JSON parser) for finiteness. */
    public static Parsed finite(double v, String text) {
        if (Double.isNaN(v)) {
            return new NotANumber(quote(text) + " is not a number (NaN is not accepted)");
        }
        if (Double.isInfinite(v)) {
            return new NotANumber(Excerpts.shown(text) + " is not a finite number (too large for a double)");
        }
        return new Value(v);
    }

    private static String quote(String text) {
        return "\"" + Excerpts.shown(text) + "\"";
    }

    /**
     * The shortest decimal that reads back as exactly {@code v} (so a key written and read
     * again is bit-for-bit the same); −0 is written as 0.
     */
    public static String exact(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * {@link #exact} as a person writes it in a formula or a problem file: 1e-8 rather than
     * Java's 1.0E-8 (the same digits, so it reads back as exactly v).
     */
    public static String written(double v) {
        String s = exact(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e" + s.substring(e + 1);
    }

    /** A score or points as gradebooks and CI reports show them: rounded to 4 decimals, whole numbers without any. */
    public static String score(double v) {
        double r = Math.round(v * 1e4) / 1e4;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
