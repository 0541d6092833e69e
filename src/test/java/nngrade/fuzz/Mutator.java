package nngrade.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic mutations of input files: the same seed always gives the same input, so a
 * failure is reproduced from (seed, iteration) alone. Each mutation is named in {@link #trace()}
 * so a failure says how its input was made.
 */
final class Mutator {
    /** Numbers (and number-like words) that have broken, or could break, a reader. */
    static final List<String> NUMBERS = List.of(
            "1e309", "-1e309", "1E+309", "1e-400", "4.9e-324", "1.7976931348623157e308", "-0", "-0.0", "0e0", "+0",
            "NaN", "-NaN", "Infinity", "-Infinity", "+INF", ".nan", ".inf", "-.inf", "∞",
            "1/3", "1/0", "0/0", "-1/-3", "1/3/4", "1e309/1e309", "1/1e-320", "\"1/3\"", "\"1/0\"",
            "0,35", "\"0,35\"", "-0,5e-3", ",5", "5,", "1.000,5", "1,000.5",
            "9".repeat(400), "0." + "0".repeat(500) + "1", "1e2147483648", "1e-2147483649", "1.0e+99999999999",
            "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999", "0000000001",
            "0x1p3", "0x10", "1_000", "1d", "1f", "1L", ".5", "5.", "1e", "1e+", "--1", "+-1", "−2", "–2",
            "١٢", "１２", "1 2", "\"\"", "\" \"", "null", "true", "[]", "[[]]", "{}", "[1,[2]]", "\"NaN\"", "\"1e309\"");

    /** Syntax of the formats read (JSON, YAML, CSV) and names the readers look up. */
    static final List<String> TOKENS = List.of(
            "\"", "'", "\\", "\\u0000", "\\ud800", "\\uDC00\\uD800", "{", "}", "[", "]", ":", ",", ";", "\n", "\r", "\r\n",
            "\t", " ", "null", "true", "false", "//", "/*", "*/", "#", "---", "...", "&a", "*a", "&a [1]", "!!binary",
            "!!float", "!!int", "!!str", "!!map", "!!set", "!!omap", "!<tag:yaml.org,2002:str>", "<<: *a", "? ", "- ", "|",
            ">", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "~", "=", "@", "+", "-", "=HYPERLINK(\"x\")",
            "quantity,row,col,value\n", "quantity,value\n", "quantity;row;col;value\n", "quantity;value\n",
            "\"answers\":", "\"answers\": {}", "\"answers\": null", "\"student\":", "\"problem\":", "\"given\":",
            "\"network\":", "\"layers\": []", "\"units\": 0", "\"units\": 100000", "\"units\": 2147483648",
            "\"inputs\": 1e9", "\"activation\": \"softmax\"", "\"loss\": \"cross-entropy\"", "\"ask\": []",
            "\"random\": \"uniform\"", "\"shape\": [1e9, 1e9]", "\"tolerance\":", "\"points\":", "\"decimals\": 16",
            "\"sigfigs\": 0", "\"weightLayout\": \"in-out\"", "\"reduction\": \"sum\"", "\"alpha\": 1",
            "z1", "z", "z0", "z2", "z99", "a1", "a2", "yhat", "ŷ", "y_hat", "Yhat", "loss", "LOSS", "dz1", "da1", "dW1",
            "dW", "dw1", "db1", "W1_next", "b1_next", "W_next", "dW999999999999", "dW-1", "W0", "x", "y", "W1", "b1",
            "W2", "b2", "W3", "1", "0", "-1", "3", "4", "2147483647", "99999999999", "", "\uFEFF");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final int[] INTERESTING_CODE_POINTS = {
            0x0085, 0x2028, 0x2029, 0xFEFF, 0x200B, 0x202E, 0x00A0, 0x3000, 0xFFFD, 0xFFFE, 0x10FFFF, 0x1F600,
            0x0301, 0x0660, 0xFF11, 0x2212, 0x2013, 0x00E9, 0x0131, 0x0130, 0x1E9E, 0x007F, 0x001B, 0x0000,
            0x0008, 0x000B, 0x000C};
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
            {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xEF, (byte) 0xBB}};
    private static final int[] NESTING = {2, 10, 31, 32, 33, 64, 199, 200, 201, 1000, 5000, 50_000};

    private final Random random;
    private final List<byte[]> corpus;
    private final List<String> trace = new ArrayList<>();

    Mutator(long seed, List<byte[]> corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    /** The names of the mutations applied so far, in order. */
    List<String> trace() {
        return trace;
    }

    /** One to four mutations of {@code seed} (now and then a havoc of up to sixteen). */
    byte[] mutate(byte[] seed) {
        byte[] b = seed;
        int n = random.nextInt(10) == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = once(b);
        }
        return b;
    }

    private byte[] once(byte[] b) {
        int which = random.nextInt(18);
        return switch (which) {
            case 0 -> flipBit(b);
            case 1 -> setByte(b);
            case 2, 3 -> insert(b, token());
            case 4 -> deleteChunk(b);
            case 5 -> duplicateChunk(b);
            case 6 -> splice(b);
            case 7, 8, 9 -> replaceNumbers(b);
            case 10 -> swapDelimiters(b);
            case 11 -> insertUnicode(b);
            case 12 -> deepNesting(b);
            case 13 -> truncate(b);
            case 14 -> longRun(b);
            case 15 -> replaceToken(b);
            case 16 -> insertChunkOfItself(b);
            default -> insert(b, Mutator.NUMBERS.get(random.nextInt(NUMBERS.size())).getBytes(StandardCharsets.UTF_8));
        };
    }

    private int pos(byte[] b) {
        return b.length == 0 ? 0 : random.nextInt(b.length + 1);
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] flipBit(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        int i = random.nextInt(b.length);
        out[i] ^= (byte) (1 << random.nextInt(8));
        trace.add("flip bit at " + i);
        return out;
    }

    private byte[] setByte(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] interesting = {0, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC0, (byte) 0xEF, '"', '\\', '\n', '\r', ',',
                ';', '{', '}', '[', ']', ':', ' ', '\t', '-', '.', 'e', '0', '9', '/', '#', '&', '*', '!', '|', '>'};
        byte[] out = b.clone();
        int i = random.nextInt(b.length);
        out[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
        trace.add("set byte " + i + " to 0x" + Integer.toHexString(out[i] & 0xFF));
        return out;
    }

    private byte[] insert(byte[] b, byte[] chunk) {
        int at = pos(b);
        trace.add("insert " + show(chunk) + " at " + at);
        return splice(b, at, at, chunk);
    }

    private byte[] deleteChunk(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(b.length - from, random.nextBoolean() ? 8 : 256));
        trace.add("delete " + len + " bytes at " + from);
        return splice(b, from, from + len, new byte[0]);
    }

    private byte[] duplicateChunk(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(b.length - from, 200));
        int times = random.nextInt(5) == 0 ? 1 + random.nextInt(200) : 1;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            chunk.write(b, from, len);
        }
        trace.add("duplicate " + len + " bytes at " + from + " ×" + times);
        return splice(b, from + len, from + len, chunk.toByteArray());
    }

    private byte[] insertChunkOfItself(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(b.length - from, 64));
        int at = pos(b);
        trace.add("copy " + len + " bytes from " + from + " to " + at);
        byte[] chunk = new byte[len];
        System.arraycopy(b, from, chunk, 0, len);
        return splice(b, at, at, chunk);
    }

    /** The start of this input and the end of another (or the other way round). */
    private byte[] splice(byte[] b) {
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        int cut = pos(b);
        int otherCut = pos(other);
        trace.add("splice at " + cut + " with another seed from " + otherCut);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.write(b, 0, cut);
            out.write(other, otherCut, other.length - otherCut);
        } else {
            out.write(other, 0, otherCut);
            out.write(b, cut, b.length - cut);
        }
        return out.toByteArray();
    }

    /** One number, or every number, replaced by an awkward one. */
    private byte[] replaceNumbers(byte[] b) {
        String text = new String(b, StandardCharsets.ISO_8859_1); // byte-preserving
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return insert(b, NUMBERS.get(random.nextInt(NUMBERS.size())).getBytes(StandardCharsets.UTF_8));
        }
        String with = NUMBERS.get(random.nextInt(NUMBERS.size()));
        String latin = new String(with.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        boolean all = random.nextInt(4) == 0;
        StringBuilder sb = new StringBuilder(text);
        if (all) {
            sb.setLength(0);
            int last = 0;
            for (int[] s : spans) {
                sb.append(text, last, s[0]).append(latin);
                last = s[1];
            }
            sb.append(text, last, text.length());
            trace.add("replace every number by " + with);
        } else {
            int[] s = spans.get(random.nextInt(spans.size()));
            sb.replace(s[0], s[1], latin);
            trace.add("replace number at " + s[0] + " by " + with);
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] swapDelimiters(byte[] b) {
        String[][] swaps = {{",", ";"}, {";", ","}, {"\n", "\r\n"}, {"\n", "\r"}, {"\r\n", "\n"}, {" ", "\t"},
                {"\"", "'"}, {"\"", ""}, {":", "="}, {".", ","}, {",", "\t"}, {"\n", ""}, {" ", ""}, {"[", "("}};
        String[] s = swaps[random.nextInt(swaps.length)];
        String text = new String(b, StandardCharsets.ISO_8859_1);
        boolean all = random.nextBoolean();
        String out;
        if (all) {
            out = text.replace(s[0], s[1]);
        } else {
            int i = text.indexOf(s[0], pos(b));
            out = i < 0 ? text : text.substring(0, i) + s[1] + text.substring(i + s[0].length());
        }
        trace.add("replace " + (all ? "every" : "one") + " " + show(s[0].getBytes(StandardCharsets.UTF_8)) + " by "
                + show(s[1].getBytes(StandardCharsets.UTF_8)));
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] insertUnicode(byte[] b) {
        int kind = random.nextInt(4);
        byte[] chunk;
        if (kind == 0) {
            chunk = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        } else if (kind == 1) {
            chunk = new String(Character.toChars(INTERESTING_CODE_POINTS[random.nextInt(INTERESTING_CODE_POINTS.length)]))
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            int cp;
            do {
                cp = kind == 2 ? random.nextInt(0x10000) : random.nextInt(0x110000);
            } while (cp >= 0xD800 && cp <= 0xDFFF);
            chunk = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        }
        return insert(b, chunk);
    }

    private byte[] deepNesting(byte[] b) {
        int depth = NESTING[random.nextInt(NESTING.length)];
        String[][] shapes = {{"[", "]"}, {"{\"a\":", "}"}, {"{\"z1\":", "}"}, {"- ", ""}, {"[", ""}, {"{", ""},
                {"{\"a\": [", "]}"}};
        String[] s = shapes[random.nextInt(shapes.length)];
        String middle = random.nextBoolean() ? "1" : "";
        String chunk = s[0].repeat(depth) + middle + s[1].repeat(depth);
        int at = pos(b);
        trace.add("nest " + show(s[0].getBytes(StandardCharsets.UTF_8)) + " " + depth + " deep at " + at);
        return splice(b, at, at, chunk.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] truncate(byte[] b) {
        int at = pos(b);
        trace.add("truncate at " + at);
        byte[] out = new byte[at];
        System.arraycopy(b, 0, out, 0, at);
        return out;
    }

    private byte[] longRun(byte[] b) {
        String[] units = {"a", "9", " ", "\n", ",", ";", "\"", "[1]", "0.", "é", "\\\\", "z1,1,1,1\n", "-", "{"};
        String unit = units[random.nextInt(units.length)];
        int len = random.nextInt(3) == 0 ? 100_000 : 1 + random.nextInt(2000);
        int at = pos(b);
        trace.add("insert " + show(unit.getBytes(StandardCharsets.UTF_8)) + " ×" + len + " at " + at);
        return splice(b, at, at, unit.repeat(len).getBytes(StandardCharsets.UTF_8));
    }

    /** A name, number or word of the file replaced by a token of the formats. */
    private byte[] replaceToken(byte[] b) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("[A-Za-z0-9_.+-]+").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return insert(b, token());
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        byte[] t = token();
        trace.add("replace word at " + s[0] + " by " + show(t));
        return splice(b, s[0], s[1], t);
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] chunk) {
        byte[] out = new byte[b.length - (to - from) + chunk.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(chunk, 0, out, from, chunk.length);
        System.arraycopy(b, to, out, from + chunk.length, b.length - to);
        return out;
    }

    /** A chunk for a trace: short, printable, escapes for the rest. */
    static String show(byte[] chunk) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(chunk, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length() && sb.length() < 40; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (sb.length() >= 40) {
            sb.append("…(").append(chunk.length).append(" bytes)");
        }
        return sb.append('"').toString();
    }
}
