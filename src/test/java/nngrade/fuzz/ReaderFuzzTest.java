package nngrade.fuzz;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.input.InputError;
import nngrade.problem.ProblemLoader;
import nngrade.report.Answers;
import nngrade.report.CheckJson;
import nngrade.report.CheckText;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.report.SubmissionWriter;
import nngrade.solve.AnswerKey;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.submission.Workbooks;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the submission readers ({@link SubmissionReader#parse}: JSON, long and
 * compact CSV, .xlsx workbooks) against every kind of problem in problems/: each mutated file is
 * either read — and then graded and rendered, as {@code nngrade check} would — or refused with a
 * BadInputException of one-line messages naming the file. Inputs that once broke this rule are
 * kept in src/test/resources/fuzz-regressions/submissions/ and replayed every build.
 *
 * <p>Workbooks are fuzzed twice: as bytes (the zip itself mutated, among the other seeds) and as
 * their parts ({@link Workbooks#unpacked}: the XML mutated, then zipped again), since a mutation of
 * deflated bytes seldom gets past the zip. A finding of the second kind is kept as a {@code .parts}
 * file, which the regressions zip before reading.
 * Budget: five sixteenths of {@code nngrade.fuzz.seconds} (see {@link FuzzHarness}): a quarter for
 * the bytes of every format, a sixteenth for the parts of workbooks; the rosters and the zips have
 * the rest of the readers' half ({@link RosterFuzzTest}, {@link ArchiveFuzzTest}).
 */
class ReaderFuzzTest {
    static final String REGRESSIONS = "src/test/resources/fuzz-regressions/submissions";
    private static final String[] PROBLEMS = {
            "problems/notes-softmax-step.json", "problems/two-layer-tanh-softmax.json", "problems/inout-relu-mse.yaml",
            "problems/logistic-batch.json", "problems/quadratic-sigmoid-regression.json",
            "problems/variant-softmax-step.json"};

    static final List<AnswerKey> KEYS = new ArrayList<>();
    static final List<FuzzHarness.Seed> SEEDS = new ArrayList<>();
    static final List<FuzzHarness.Seed> WORKBOOKS = new ArrayList<>();
    private static final ReportOptions REPORT = new ReportOptions(new Messages(Messages.Lang.en), false, true, false);

    @BeforeAll
    static void load() {
        if (!KEYS.isEmpty()) {
            return;
        }
        for (String p : PROBLEMS) {
            var file = ProblemLoader.read(Path.of(p));
            KEYS.add(Variants.of(file, "fuzz.student", file.hasGenerators() ? Secret.of("fuzz-secret") : null).key());
        }
        SEEDS.addAll(FuzzHarness.files("submissions-sample", "src/test/resources/submissions", REGRESSIONS));
        // Every problem's answer key and blank template, in each layout: seeds that fit each network.
        for (AnswerKey key : KEYS) {
            String id = key.problem().id();
            Answers full = Answers.of(key);
            Answers blank = Answers.blank(key.problem());
            SEEDS.add(seed(id + "-key.json", SubmissionWriter.json(full)));
            SEEDS.add(seed(id + "-key-long.csv", SubmissionWriter.csvLong(full)));
            SEEDS.add(seed(id + "-key-compact.csv", SubmissionWriter.csvCompact(full)));
            SEEDS.add(seed(id + "-blank.json", SubmissionWriter.json(blank)));
            SEEDS.add(seed(id + "-blank-long.csv", SubmissionWriter.csvLong(blank)));
            SEEDS.add(seed(id + "-blank-compact.csv", SubmissionWriter.csvCompact(blank)));
            // workbooks: numbers as number cells and as text, one of them with its parts stored unpacked
            // (so that a mutated byte of the zip is a mutated byte of the XML)
            byte[] longBook = Workbooks.fromCsv(SubmissionWriter.csvLong(full), true);
            byte[] compactBook = Workbooks.fromCsv(SubmissionWriter.csvCompact(full), false);
            byte[] blankBook = Workbooks.fromCsv(SubmissionWriter.csvLong(blank), true);
            SEEDS.add(new FuzzHarness.Seed("generated/" + id + "-key-long.xlsx", longBook));
            SEEDS.add(new FuzzHarness.Seed("generated/" + id + "-key-compact-stored.xlsx",
                    Workbooks.stored(Workbooks.parts(compactBook))));
            WORKBOOKS.add(seed(id + "-key-long.parts", Workbooks.unpacked(longBook)));
            WORKBOOKS.add(seed(id + "-key-compact.parts", Workbooks.unpacked(compactBook)));
            WORKBOOKS.add(seed(id + "-blank-long.parts", Workbooks.unpacked(blankBook)));
        }
        // cells of every kind a spreadsheet writes: formulas with and without computed values, errors, true/false
        byte[] kinds = Workbooks.sheet(List.of(Workbooks.row("quantity", "row", "col", "value"),
                Workbooks.row("z1", 1L, 1L, 0L), Workbooks.row("z1", 1L, 2L, true), Workbooks.row("z1", 1L, 3L, "1,4"),
                Workbooks.row("loss", null, null, new Workbooks.Formula("D2*2"))));
        kinds = Workbooks.withCell(kinds, "D2", "<c r=\"D2\"><f>0.4*2</f><v>0.8</v></c>");
        kinds = Workbooks.withCell(kinds, "D3", "<c r=\"D3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
        WORKBOOKS.add(seed("cell-kinds.parts", Workbooks.unpacked(kinds)));
        SEEDS.add(new FuzzHarness.Seed("generated/cell-kinds.xlsx", kinds));
    }

    private static FuzzHarness.Seed seed(String name, String text) {
        return new FuzzHarness.Seed("generated/" + name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code nngrade check} does with a file: read it, grade what was read, render the report. */
    static List<InputError> readGradeRender(String source, byte[] input, AnswerKey key) {
        Submission s = SubmissionReader.parse(source, input, key.problem());
        CheckResult r = Checker.check(key, s, null, s.student() == null ? "fuzz" : s.student());
        CheckText.render(r, REPORT);
        CheckJson.render(r, REPORT);
        return s.errors();
    }

    static final FuzzHarness.Target TARGET = (source, input, random) ->
            readGradeRender(source, input, KEYS.get(random.nextInt(KEYS.size())));

    /** A workbook's parts, mutated as text, are zipped again and read as the workbook they make. */
    static final FuzzHarness.Target PARTS = (source, input, random) ->
            readGradeRender(source, Workbooks.pack(input), KEYS.get(random.nextInt(KEYS.size())));

    @Test
    void mutatedSubmissionsAreReadOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() / 4;
        if (seconds <= 0) {
            return;
        }
        FuzzHarness.Stats stats = FuzzHarness.fuzz("submissions", SEEDS, seconds,
                (base, i, random) -> "subs/" + Path.of(base.name()).getFileName(), TARGET);
        assertTrue(stats.inputs() > 0);
    }

    @Test
    void mutatedPartsOfWorkbooksAreReadOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() / 16;
        if (seconds <= 0) {
            return;
        }
        FuzzHarness.Stats stats = FuzzHarness.fuzz("workbook-parts", WORKBOOKS, seconds,
                (base, i, random) -> "subs/" + Path.of(base.name()).getFileName(), PARTS);
        assertTrue(stats.inputs() > 0);
    }

    static List<FuzzHarness.Seed> regressions() {
        return FuzzHarness.files(REGRESSIONS);
    }

    @Test
    void regressionFilesAreKept() {
        assertFalse(regressions().isEmpty(), "no files in " + REGRESSIONS);
    }

    /** Each input that once broke a reader, against every problem. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void regression(FuzzHarness.Seed file) {
        load();
        for (int k = 0; k < KEYS.size(); k++) {
            AnswerKey key = KEYS.get(k);
            String source = "subs/" + Path.of(file.name()).getFileName();
            boolean parts = file.name().endsWith(".parts");
            FuzzHarness.Outcome o = FuzzHarness.judge((s, in, r) -> readGradeRender(s, parts ? Workbooks.pack(in) : in, key),
                    source, file.bytes(), new Random(k));
            assertNull(o.finding(), file.name() + " against " + key.problem().id());
        }
    }
}
