package nngrade.fuzz;

import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.report.KeyText;
import nngrade.solve.Solver;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the problem loader ({@link ProblemLoader#parseFile} and
 * {@link ProblemLoader#build}, JSON and YAML) and what {@code nngrade solve} does next: every
 * problem that loads is solved (drawing a variant when its given values are generators) and its
 * key rendered. Each mutated file is either solved or refused with a BadInputException of
 * one-line messages naming the file. Inputs that once broke this rule are kept in
 * src/test/resources/fuzz-regressions/problems/ and replayed every build.
 * Budget: half of {@code nngrade.fuzz.seconds} (see {@link FuzzHarness}), 35% for literal problems, 15% for generators.
 */
class ProblemFuzzTest {
    static final String REGRESSIONS = "src/test/resources/fuzz-regressions/problems";
    private static final Secret SECRET = Secret.of("fuzz-secret");

    /** The file as {@code nngrade solve} reads it: UTF-8 (a file that is not is refused before parsing). */
    private static String text(byte[] input) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            // TextFiles.readText refuses such a file; the parser still gets to see what the bytes say
            return new String(input, StandardCharsets.UTF_8);
        }
    }

    /**
     * What {@code nngrade solve} does with a file: load and validate it, solve it, render the key.
     * A file with generators is refused by {@link ProblemLoader#build} ("give a student id"), which is checked too.
     */
    static List<InputError> loadAndSolve(String source, byte[] input) {
        Problem p = ProblemLoader.parse(source, text(input));
        KeyText.render(Solver.solve(p));
        return List.of();
    }

    /**
     * {@code nngrade solve --student ID} on a file with generators: draw the student's variant
     * (the generators are parsed and checked on the way), solve it, render the key.
     */
    static List<InputError> drawAndSolve(String source, byte[] input) {
        ProblemFile file = ProblemLoader.parseFile(source, text(input));
        KeyText.render(Variants.of(file, "fuzz.student", SECRET).key());
        return List.of();
    }

    static final FuzzHarness.Target TARGET = (source, input, random) -> loadAndSolve(source, input);
    static final FuzzHarness.Target VARIANT_TARGET = (source, input, random) -> drawAndSolve(source, input);

    static List<FuzzHarness.Seed> seeds() {
        return FuzzHarness.files("problems", "src/test/resources/problems", "src/test/resources/variants", REGRESSIONS);
    }

    private static final String[] EXTENSIONS = {"json", "yaml", "yml", "txt"};

    /** Mostly the seed's own extension, which decides JSON or YAML; now and then another. */
    private static String name(FuzzHarness.Seed base, long i, Random random) {
        String ext = random.nextInt(8) == 0 ? EXTENSIONS[random.nextInt(EXTENSIONS.length)] : base.extension();
        return "problems/fuzz-" + i + "." + ext;
    }

    @Test
    void mutatedProblemsAreSolvedOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() * 0.35;
        if (seconds <= 0) {
            return;
        }
        assertTrue(FuzzHarness.fuzz("problems", seeds(), seconds, ProblemFuzzTest::name, TARGET).inputs() > 0);
    }

    @Test
    void mutatedVariantProblemsAreDrawnOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() * 0.15;
        if (seconds <= 0) {
            return;
        }
        List<FuzzHarness.Seed> withGenerators = seeds().stream()
                .filter(s -> new String(s.bytes(), StandardCharsets.UTF_8).contains("\"random\"")).toList();
        assertFalse(withGenerators.isEmpty());
        assertTrue(FuzzHarness.fuzz("variants", withGenerators, seconds, ProblemFuzzTest::name, VARIANT_TARGET)
                .inputs() > 0);
    }

    static List<FuzzHarness.Seed> regressions() {
        return FuzzHarness.files(REGRESSIONS);
    }

    @Test
    void regressionFilesAreKept() {
        assertFalse(regressions().isEmpty(), "no files in " + REGRESSIONS);
    }

    /** Each input that once broke the loader or solver, under its own name (the extension decides the parser). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void regression(FuzzHarness.Seed file) {
        String source = "problems/" + Path.of(file.name()).getFileName();
        for (FuzzHarness.Target t : List.of(TARGET, VARIANT_TARGET)) {
            FuzzHarness.Outcome o = FuzzHarness.judge(t, source, file.bytes(), new Random(0));
            assertNull(o.finding(), file.name());
        }
    }
}
