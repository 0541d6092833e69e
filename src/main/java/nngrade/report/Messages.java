package nngrade.report;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import nngrade.problem.Loss;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.solve.Formulas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feedback text in the student's language, from the message bundles; numbers in its notation.
 * The bundles' patterns are ICU MessageFormat patterns, so a counted noun takes the language's
 * CLDR plural form: {@code {0, plural, one{# punct} few{# puncte} other{# de puncte}}}.
 */
public final class Messages {
    private final Lang lang;
    private final ResourceBundle bundle;
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final Formulas.Words words;

    /** The languages feedback is written in. */
    public enum Lang {
        en(Locale.ENGLISH), ro(Locale.forLanguageTag("ro"));

        private final Locale locale;

        Lang(Locale locale) {
            this.locale = locale;
        }

        /** Romanian when the system locale is, else English. */
        public static Lang fromSystem() {
            return "ro".equals(Locale.getDefault().getLanguage()) ? ro : en;
        }
    }

    public Messages(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle("nngrade.report.messages", lang.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<Loss, String> losses = new EnumMap<>(Loss.class);
        for (Loss l : Loss.values()) {
            losses.put(l, bundle.getString("loss." + l.label()));
        }
        this.words = new Formulas.Words(bundle.getString("formula.with"), bundle.getString("formula.if"),
                bundle.getString("formula.else"), bundle.getString("formula.units"), bundle.getString("formula.inputs"),
                losses, lang == Lang.ro ? ',' : '.', bundle.getString("formula.ofStep"),
                bundle.getString("formula.given"), bundle.getString("formula.notUsed"));
    }

    public Lang lang() {
        return lang;
    }

    /**
     * The message {@code key} with {@code args}. A counted noun's argument is a number (see
     * {@link #count}), which the pattern writes in the language's notation; texts are inserted as
     * they are.
     */
    public String get(String key, Object... args) {
        MessageFormat f = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), ULocale.forLocale(lang.locale)));
        synchronized (f) { // parsed once per key (a grade writes millions of messages); not thread-safe
            return f.format(args);
        }
    }

    /**
     * Points or another amount as the argument of a counted noun: rounded to two decimals like
     * {@link #points}, without trailing zeros, so that 1.0 is "one" (1 punct) and 1.5 is "other"
     * (1,5 puncte) by the plural rules, which look at the decimals written.
     */
    public BigDecimal count(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    /** The words formulas are written with in this language, from the bundle. */
    public Formulas.Words words() {
        return words;
    }

    /** The formula q comes from, in the problem's layout and reduction, in this language. */
    public String formula(Problem p, Quantity q) {
        return Formulas.of(p, q, words);
    }

    /** A value rounded to 7 significant digits for reading, with a decimal comma in Romanian. */
    public String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toPlainString();
        if (s.length() > 14) {
            s = String.format(Locale.ROOT, "%.6e", v);
        }
        return localize(s);
    }

    /** A value exactly as written (shortest round-trip form), in the language's notation. */
    public String exact(double v) {
        return localize(Numbers.exact(v));
    }

    /** Points: whole numbers without decimals, else up to two. */
    public String points(double v) {
        String s = BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
        return localize(s);
    }

    /** A tolerance as the student reads it, e.g. {@code ±0,01} or {@code 2 zecimale}. */
    public String tolerance(Tolerance t) {
        if (t instanceof Tolerance.Decimals d) {
            return get("tolerance.decimals", d.decimals());
        }
        if (t instanceof Tolerance.SigFigs f) {
            return get("tolerance.sigfigs", f.digits());
        }
        return localize(t.describe());
    }

    private String localize(String s) {
        return lang == Lang.ro ? s.replace('.', ',') : s;
    }
}
