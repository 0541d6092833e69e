package nngrade.fuzz;

import nngrade.grade.LmsUpload;
import nngrade.input.InputError;
import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.submission.RosterKind;
import nngrade.submission.RosterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the roster reader (plain class lists, Moodle worksheets, Canvas exports)
 * and of the upload files written from what it read: a mutated roster is read or refused with a
 * BadInputException of one-line messages; one that is read, with a column chosen, gets random
 * grades, and the file written back must read again as the same roster (same kind, same ids; a
 * Canvas export without grades comes back byte for byte). Inputs that once broke this rule are
 * kept in src/test/resources/fuzz-regressions/rosters/. Budget: an eighth of
 * {@code nngrade.fuzz.seconds} (see {@link FuzzHarness}).
 */
class RosterFuzzTest {
    static final String REGRESSIONS = "src/test/resources/fuzz-regressions/rosters";
    private static final Messages EN = new Messages(Messages.Lang.en);

    static List<FuzzHarness.Seed> seeds() {
        List<FuzzHarness.Seed> seeds = new java.util.ArrayList<>(FuzzHarness.files("src/test/resources/rosters", "docs/examples",
                REGRESSIONS));
        seeds.removeIf(s -> !s.name().endsWith(".csv"));
        return seeds;
    }

    /** What {@code nngrade grade --roster} does with the file, and the upload it writes back. */
    static List<InputError> readAndWriteBack(String source, byte[] input, Random random) {
        Roster read = RosterReader.parse(source, input);
        Optional<String> column = Optional.empty();
        if (read.kind() instanceof RosterKind.Canvas c && !c.assignments().isEmpty()) {
            var a = c.assignments().get(random.nextInt(c.assignments().size()));
            column = Optional.of(random.nextBoolean() ? a.id() : a.header());
        }
        Roster roster = RosterReader.forGrades(read, column);
        Map<String, LmsUpload.Result> results = new HashMap<>();
        for (String id : roster.ids()) {
            switch (random.nextInt(3)) {
                case 0 -> results.put(id, new LmsUpload.Graded(random.nextInt(37) / 4.0, 9, random.nextInt(9), 8));
                case 1 -> results.put(id, new LmsUpload.Unreadable("line 1: \"<a>\" & \"b\"; not, a \"number\""));
                default -> { // no submission
                }
            }
        }
        String back;
        if (roster.kind() instanceof RosterKind.Moodle) {
            back = LmsUpload.moodle(roster, results, EN);
        } else if (roster.kind() instanceof RosterKind.Canvas) {
            back = LmsUpload.canvas(roster, results);
            assertEquals(roster.text(), LmsUpload.canvas(roster, Map.of()), "a Canvas export without grades changed");
        } else {
            return List.of();
        }
        Roster again = RosterReader.parse(source, back.getBytes(StandardCharsets.UTF_8));
        assertEquals(roster.kind().getClass(), again.kind().getClass(), "the upload reads as another kind of file");
        assertEquals(List.copyOf(roster.ids()), List.copyOf(again.ids()), "the upload has other students");
        assertEquals(roster.header(), again.header(), "the upload has another header");
        return List.of();
    }

    @Test
    void mutatedRostersAreReadOrRefusedAndWrittenBackReadable() {
        double seconds = FuzzHarness.totalSeconds() / 8;
        if (seconds <= 0) {
            return;
        }
        FuzzHarness.Stats stats = FuzzHarness.fuzz("rosters", seeds(), seconds,
                (base, i, random) -> "rosters/" + Path.of(base.name()).getFileName(), RosterFuzzTest::readAndWriteBack);
        assertTrue(stats.inputs() > 0);
    }

    static List<FuzzHarness.Seed> regressions() {
        return FuzzHarness.files(REGRESSIONS);
    }

    @Test
    void regressionFilesAreKept() {
        assertFalse(regressions().isEmpty(), "no files in " + REGRESSIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void regression(FuzzHarness.Seed file) {
        for (int k = 0; k < 8; k++) {
            String source = "rosters/" + Path.of(file.name()).getFileName();
            FuzzHarness.Outcome o = FuzzHarness.judge(RosterFuzzTest::readAndWriteBack, source, file.bytes(), new Random(k));
            assertNull(o.finding(), file.name());
        }
    }
}
