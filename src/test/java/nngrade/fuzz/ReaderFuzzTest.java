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
 * compact CSV) against every kind of problem in problems/: each mutated file is either read —
 * and then graded and rendered, as {@code nngrade check} would — or refused with a
 * BadInputException of one-line messages naming the file. Inputs that once broke this rule are
 * kept in src/test/resources/fuzz-regressions/submissions/ and replayed every build.
 * Budget: three eighths of {@code nngrade.fuzz.seconds} (see {@link FuzzHarness}); the roster reader
 * has the other eighth of the readers' half ({@link RosterFuzzTest}).
 */
class ReaderFuzzTest {
    static final String REGRESSIONS = "src/test/resources/fuzz-regressions/submissions";
    private static final String[] PROBLEMS = {
            "problems/notes-softmax-step.json", "problems/two-layer-tanh-softmax.json", "problems/inout-relu-mse.yaml",
            "problems/logistic-batch.json", "problems/quadratic-sigmoid-regression.json",
            "problems/variant-softmax-step.json"};

    static final List<AnswerKey> KEYS = new ArrayList<>();
    static final List<FuzzHarness.Seed> SEEDS = new ArrayList<>();
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
        }
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

    @Test
    void mutatedSubmissionsAreReadOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() * 3 / 8; // an eighth of the readers' half goes to the rosters
        if (seconds <= 0) {
            return;
        }
        FuzzHarness.Stats stats = FuzzHarness.fuzz("submissions", SEEDS, seconds,
                (base, i, random) -> "subs/" + Path.of(base.name()).getFileName(), TARGET);
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
            FuzzHarness.Outcome o = FuzzHarness.judge((s, in, r) -> readGradeRender(s, in, key), source, file.bytes(),
                    new Random(k));
            assertNull(o.finding(), file.name() + " against " + key.problem().id());
        }
    }
}
