package nngrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.GraphStudent;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.report.Messages.Lang;
import nngrade.solve.AnswerKey;
import nngrade.solve.Formulas;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Romanian feedback has no English left: for every bundled problem and a set of deliberately wrong
 * answers (each diagnosis, wrong cells, a wrong shape, a missing and an unreadable answer, an
 * answer carried forward), the text, Markdown, HTML and JSON reports hold none of the words of
 * the English bundle and of the formulas' English words that Romanian does not share, and no
 * decimal point.
 */
class RomanianReportTest {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern DECIMAL_POINT = Pattern.compile("\\d\\.\\d");
    private static final Messages RO = new Messages(Lang.ro);
    /** Words that were left in Romanian reports before, banned even if the Romanian bundle took them up. */
    private static final Set<String> LEAKED = Set.of("with", "if", "else", "units", "inputs", "point", "points", "row", "column",
            "cross", "entropy", "binary", "wrong", "cells", "decimal", "decimals", "significant", "figures", "of", "the", "you",
            "expected", "quantity");
    private static final Set<String> ENGLISH = englishWords();

    /** Words of the English bundle's texts and of Formulas' English words, less those Romanian text uses too. */
    static Set<String> englishWords() {
        Set<String> en = words(bundleText("messages.properties"));
        Formulas.Words w = Formulas.Words.ENGLISH;
        en.addAll(words(String.join(" ", w.with(), w.ifWord(), w.elseWord(), w.units(), w.inputs(), String.join(" ", w.losses().values()))));
        en.removeAll(words(bundleText("messages_ro.properties")));
        en.removeAll(Set.of("plural", "one", "few", "other")); // the patterns' own syntax
        en.addAll(LEAKED); // whatever the Romanian bundle says
        return en;
    }

    @Test
    void theListHoldsTheWordsThatLeakedBefore() {
        for (String w : List.of("is", "and", "only", "holds", "transpose", "sign", "matrix", "adds", "leaves", "rate", "computed",
                "own", "tolerance", "number", "named", "answered")) {
            assertTrue(ENGLISH.contains(w), w + " not in " + ENGLISH);
        }
        assertFalse(ENGLISH.contains("softmax"), "a function's name, the same in Romanian");
    }

    private static String bundleText(String name) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", p.stringPropertyNames().stream().map(p::getProperty).toList());
    }

    static Set<String> words(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static List<Path> problems() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            List<Path> out = files.filter(f -> f.toString().matches(".*\\.(json|yaml)")).sorted().toList();
            assertTrue(out.size() >= 6, out::toString);
            return out;
        }
    }

    /** A wrong answer: what the student hands in for each asked quantity, given the key. */
    record Slip(String name, Function<AnswerKey, Map<Quantity, Answer>> answers, Tolerance tolerance) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Map<Quantity, Answer> each(AnswerKey key, java.util.function.BiFunction<Quantity, Matrix, Matrix> f) {
        Map<Quantity, Answer> out = new LinkedHashMap<>();
        for (Quantity q : key.problem().ask()) {
            Matrix m = f.apply(q, key.get(q));
            if (m != null) {
                out.put(q, Answer.readable(q.name(), m));
            }
        }
        return out;
    }

    static List<Slip> slips() {
        List<Slip> out = new ArrayList<>();
        out.add(new Slip("every answer negated", k -> each(k, (q, m) -> m.scale(-1)), null));
        out.add(new Slip("every answer transposed", k -> each(k, (q, m) -> m.transpose()), null));
        out.add(new Slip("every answer times m", k -> each(k, (q, m) -> m.scale(k.problem().samples())), null));
        out.add(new Slip("every answer divided by m", k -> each(k, (q, m) -> m.scale(1.0 / k.problem().samples())), null));
        out.add(new Slip("every answer off by 0.5", k -> each(k, (q, m) -> m.map(v -> v + 0.5)), null));
        out.add(new Slip("every answer off by 0.5, to 2 decimals", k -> each(k, (q, m) -> m.map(v -> v + 0.5)), new Tolerance.Decimals(2)));
        out.add(new Slip("every answer off by 0.5, to 1 significant figure", k -> each(k, (q, m) -> m.map(v -> v + 0.5)),
                new Tolerance.SigFigs(1)));
        out.add(new Slip("one cell wrong", k -> each(k, (q, m) -> {
            double[] v = m.toArray();
            v[0] += 1;
            return Matrix.wrap(m.rows(), m.cols(), v);
        }), null));
        out.add(new Slip("rounded to 1 decimal", k -> each(k, (q, m) -> m.map(v -> Math.round(v * 10) / 10.0)), null));
        out.add(new Slip("updates without η, and adding the gradient", k -> each(k, (q, m) -> switch (q.kind()) {
            case W_NEXT -> k.problem().w(q.layer()).minus(k.get(Quantity.of(Quantity.Kind.DW, q.layer())));
            case B_NEXT -> k.problem().b(q.layer()).plus(k.get(Quantity.of(Quantity.Kind.DB, q.layer())).scale(k.problem().learningRate()));
            default -> m;
        }), null));
        out.add(new Slip("db negated, the update from it", k -> each(k, (q, m) -> switch (q.kind()) {
            case DB -> m.scale(-1);
            case B_NEXT -> k.problem().b(q.layer()).plus(k.get(Quantity.of(Quantity.Kind.DB, q.layer())).scale(k.problem().learningRate()));
            default -> m;
        }), null));
        out.add(new Slip("a row too few, every other answer missing or unreadable", k -> {
            Map<Quantity, Answer> a = new LinkedHashMap<>();
            List<Quantity> ask = k.problem().ask();
            for (int i = 0; i < ask.size(); i++) {
                Quantity q = ask.get(i);
                Matrix m = k.get(q);
                if (i % 3 == 0) {
                    a.put(q, Answer.readable(q.name(), m.rows() > 1 ? Matrix.wrap(1, m.cols(), m.rowValues(0))
                            : Matrix.zeros(1, m.cols() + 1)));
                } else if (i % 3 == 1) {
                    a.put(q, Answer.unreadable(q.name(), List.of("«x»")));
                }
            }
            return a;
        }, null));
        return out;
    }

    /**
     * A graph's: the network's slips that change a number (not a transpose of a scalar, nor m or the
     * parameters' update), and each of the graph's own slips made on every gradient it applies to.
     */
    static List<Slip> graphSlips(Problem graph) {
        Set<String> networksOnly = Set.of("every answer transposed", "every answer times m", "every answer divided by m",
                "updates without η, and adding the gradient", "db negated, the update from it");
        List<Slip> out = new ArrayList<>(slips().stream().filter(s -> !networksOnly.contains(s.name())).toList());
        for (GraphStudent.GraphSlip slip : GraphStudent.GraphSlip.values()) {
            if (graph.ask().stream().noneMatch(q -> slip.applies(graph.graph(), q))) {
                continue;
            }
            out.add(new Slip(slip.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on every gradient", k -> {
                Problem p = k.problem();
                Map<Quantity, GraphStudent.GraphSlip> made = new LinkedHashMap<>();
                for (Quantity q : p.ask()) {
                    if (slip.applies(p.graph(), q)) {
                        made.put(q, slip);
                    }
                }
                Map<Quantity, Double> written = GraphStudent.work(p, made).written();
                return each(k, (q, m) -> Matrix.scalar(written.get(q)));
            }, null));
        }
        return out;
    }

    /** A bundled problem; a variant one as student ana's. */
    static Problem problem(String file) {
        ProblemFile f = ProblemLoader.read(Path.of("problems", file));
        return f.hasGenerators() ? Variants.of(f, "ana", Secret.of("s3cr3t")).problem() : ProblemLoader.load(Path.of("problems", file));
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path p : problems()) {
            if (problem(p.getFileName().toString()).isGraph()) {
                Problem graph = problem(p.getFileName().toString());
                AnswerKey key = Solver.solve(graph);
                for (Slip s : graphSlips(graph)) { // rounding an integer answer, say, changes nothing
                    if (!Checker.check(key, new Submission("g", graph.id(), "ana", s.answers().apply(key), List.of()), s.tolerance(),
                            "ana").allCorrect()) {
                        out.add(Arguments.of(p.getFileName().toString(), s));
                    }
                }
                continue;
            }
            boolean batch = problem(p.getFileName().toString()).samples() > 1;
            for (Slip s : slips()) {
                if (batch || !s.name().contains(" m")) { // times or divided by m = 1 changes nothing
                    out.add(Arguments.of(p.getFileName().toString(), s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void noEnglishAndNoDecimalPointInAnyFormat(String file, Slip slip) throws IOException {
        Problem p = problem(file);
        AnswerKey key = Solver.solve(p);
        Submission s = new Submission(file, p.id(), "ana", slip.answers().apply(key), List.of());
        CheckResult r = Checker.check(key, s, slip.tolerance(), "ana");
        assertFalse(r.allCorrect(), "the slip changes something");
        for (boolean hide : new boolean[] {false, true}) {
            for (boolean all : new boolean[] {false, true}) {
                ReportOptions o = new ReportOptions(RO, hide, all, false);
                assertRomanian(p, "text", CheckText.render(r, o));
                assertRomanian(p, "markdown", CheckMarkdown.render(r, o));
                assertRomanian(p, "html", htmlText(CheckHtml.render(r, o)));
                assertRomanian(p, "json", jsonText(CheckJson.render(r, o)));
                assertRomanian(p, "gradescope", jsonText(Gradescope.render(r, o)));
            }
        }
    }

    /** The page's text: no style sheet, no tags (their class names are not read), entities decoded. */
    static String htmlText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The texts a student reads in the JSON: not its field names, statuses or diagnosis codes. */
    static String jsonText(String json) throws IOException {
        StringBuilder sb = new StringBuilder();
        collect(new ObjectMapper().readTree(json), null, sb);
        return sb.toString();
    }

    private static void collect(JsonNode n, String field, StringBuilder sb) {
        if (n.isTextual() && Set.of("message", "formula", "tolerance", "output", "notes").contains(field)) {
            sb.append(n.asText()).append('\n');
        }
        n.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), sb));
        if (n.isArray()) {
            n.forEach(e -> collect(e, field, sb));
        }
    }

    private static void assertRomanian(Problem p, String format, String report) {
        // what the teacher and the student wrote is theirs: the problem's id and title, the answers' names
        String ours = report;
        for (String theirs : List.of(p.title(), p.id())) {
            ours = ours.replace(Text.markdown(theirs), " ").replace(theirs, " ");
        }
        Set<String> names = new TreeSet<>();
        for (Quantity q : p.quantities().all()) {
            names.add(q.name().toLowerCase(Locale.ROOT));
            names.add(q.unindexedName().toLowerCase(Locale.ROOT));
        }
        Set<String> found = words(ours);
        found.removeAll(names);
        found.retainAll(ENGLISH);
        assertEquals(Set.of(), found, () -> format + " report:\n" + report);
        Matcher m = DECIMAL_POINT.matcher(ours);
        String read = ours;
        assertFalse(m.find(), () -> format + ": decimal point at \"" + read.substring(Math.max(0, m.start() - 40),
                Math.min(read.length(), m.end() + 40)) + "\"");
    }
}
