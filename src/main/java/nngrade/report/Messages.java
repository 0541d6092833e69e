package nngrade.report;

import nngrade.problem.Numbers;
import nngrade.problem.Tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Feedback text in the student's language, from the message bundles; numbers in its notation. */
public final class Messages {
    private final Lang lang;
    private final ResourceBundle bundle;
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

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
    }

    public Lang lang() {
        return lang;
    }

    public String get(String key, Object... args) {
        MessageFormat f = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), lang.locale));
        synchronized (f) { // parsed once per key (a grade writes millions of messages); not thread-safe
            return f.format(args);
        }
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
