package nngrade.variant;

import nngrade.input.BadInputException;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The variant code: pinned, sensitive to what makes the numbers and to nothing else, read forgivingly. */
class VariantCodeTest {
    private static final Path GOLDEN = Path.of("src/test/resources/variants/golden-softmax.json");
    private static final Secret SECRET = Secret.of("s3cr3t-teacher");
    private static final String FORM = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    private static String code(String text, String id, Secret secret) {
        return VariantCode.of(text, id, secret);
    }

    /** Printed on sheets already handed out: if one of these changes, every sheet's code stops matching. */
    @ParameterizedTest
    @CsvSource({"ana.popescu, 0E8J-25AM", "bogdan.ionescu, 53R6-YDRY", "carmen, YVZW-J51B"})
    void goldenCodes(String id, String code) {
        assertEquals(code, new ProblemSource(ProblemLoader.read(GOLDEN), SECRET).variantCode(id).orElseThrow());
    }

    @Test
    void codesHaveTheirFormAndDifferAcrossAClass() {
        String text = ProblemLoader.read(GOLDEN).text();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = code(text, "student" + i, SECRET);
            assertTrue(c.matches(FORM), c);
            codes.add(c);
        }
        assertEquals(2000, codes.size(), "40 bits: a clash in a class of 2000 has a chance of 2 in a million");
    }

    @Test
    void theCodeChangesWithTheSecretTheIdAndTheProblemsNumbers() {
        ProblemFile f = ProblemLoader.read(GOLDEN);
        String base = code(f.text(), "ana", SECRET);
        assertEquals(base, code(f.text(), "ana", Secret.of("  s3cr3t-teacher\n")), "the secret read as Seeds reads it");
        assertNotEquals(base, code(f.text(), "ana", Secret.of("s3cr3t-teacheR")));
        assertNotEquals(base, code(f.text(), "Ana", SECRET));
        assertNotEquals(base, code(f.text(), "ana ", SECRET));
        String wider = f.text().replace("\"min\": -2, \"max\": 3", "\"min\": -3, \"max\": 3");
        assertNotEquals(f.text(), wider);
        assertNotEquals(base, code(wider, "ana", SECRET), "other numbers, another code");
        String typo = f.text().replace("alone", "alone.");
        assertNotEquals(f.text(), typo);
        assertNotEquals(base, code(typo, "ana", SECRET), "a statement edit changes the numbers, and so the code");
    }

    @Test
    void lineEndsAndAByteOrderMarkKeepTheCode() {
        String lf = ProblemLoader.read(GOLDEN).text();
        assertFalse(lf.contains("\r"));
        String base = code(lf, "ana", SECRET);
        assertEquals(base, code(lf.replace("\n", "\r\n"), "ana", SECRET));
        assertEquals(base, code("\uFEFF" + lf.replace("\n", "\r\n"), "ana", SECRET));
        assertEquals(base, code(lf.replace("\n", "\r"), "ana", SECRET));
        assertNotEquals(base, code(lf.replace("\n", "\n\n"), "ana", SECRET));
    }

    /** The code is not the seed in other letters: knowing it tells nothing of the numbers' stream. */
    @Test
    void theCodeIsNotTheSeedsBits() {
        String text = ProblemLoader.read(GOLDEN).text();
        long seed = Seeds.seed(text, "ana", SECRET);
        long codeBits = 0;
        for (char c : code(text, "ana", SECRET).replace("-", "").toCharArray()) {
            codeBits = codeBits << 5 | "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        }
        assertNotEquals(seed >>> 24, codeBits);
    }

    @Test
    void aProblemTheSameForEveryoneHasNoCode() {
        ProblemSource shared = new ProblemSource(ProblemLoader.read(Path.of("problems/notes-softmax-step.json")), SECRET);
        assertEquals(Optional.empty(), shared.variantCode("ana"));
        assertEquals(Optional.empty(), new ProblemSource(ProblemLoader.read(Path.of("problems/notes-softmax-step.json")), null)
                .variantCode("ana"));
    }

    @Test
    void withoutASecretThereIsNoCodeButTheUsualRefusal() {
        ProblemSource empty = new ProblemSource(ProblemLoader.read(GOLDEN), Secret.of("   "));
        BadInputException e = assertThrows(BadInputException.class, () -> empty.variantCode("ana"));
        assertTrue(e.errors().get(0).message().contains("needs the teacher's secret"), e.errors().get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "7K3M-Q9XD      | 7K3M-Q9XD",
            "7k3m-q9xd      | 7K3M-Q9XD",
            "'  7K3MQ9XD  ' | 7K3M-Q9XD",
            "7K3M Q9XD      | 7K3M-Q9XD",
            "7K3M–Q9XD      | 7K3M-Q9XD",
            "7-K-3-M-Q9XD   | 7K3M-Q9XD",
            "7K3M\u00A0Q9XD | 7K3M-Q9XD",
            "OOOO-IIII      | 0000-1111",
            "oooo-llll      | 0000-1111",
            "7K3M-Q9X       | none",
            "7K3M-Q9XDD     | none",
            "7K3M-Q9XU      | none",
            "7K3M_Q9XD      | none",
            "Ä K3M-Q9XD     | none",
            "''             | none"})
    void aCodeIsReadIgnoringCaseSpacesDashesAndLookalikes(String written, String read) {
        assertEquals(Optional.ofNullable(read), VariantCode.read(written));
        assertEquals(read != null, VariantCode.matches(written, "7K3M-Q9XD") || VariantCode.matches(written, "0000-1111"));
    }
}
