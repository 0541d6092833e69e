package nngrade.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static nngrade.cli.GradeRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code sheets}: the line saying what was written counts the sheets in the --lang's plural forms. */
class SheetsCommandTest {
    private static final String PROBLEM = "problems/variant-softmax-step.json";

    @TempDir
    Path dir;

    // Romanian has three forms: one (1), few (2–19: "3 foi") and other (20 up: "20 de foi")
    @ParameterizedTest(name = "{0} students, {1}, solutions {2}")
    @CsvSource({
        "1, en, false, Wrote 1 sheet to",
        "3, en, false, Wrote 3 sheets to",
        "1, ro, false, Am scris o foaie în",
        "3, ro, false, Am scris 3 foi în",
        "20, ro, false, Am scris 20 de foi în",
        "1, en, true, Wrote 1 worked solution to",
        "3, en, true, Wrote 3 worked solutions to",
        "1, ro, true, Am scris o rezolvare detaliată în",
        "3, ro, true, Am scris 3 rezolvări detaliate în",
    })
    void theCountOfSheetsWrittenTakesItsPluralForm(int students, String lang, boolean solutions, String wrote)
            throws IOException {
        Path roster = Files.writeString(dir.resolve("roster.csv"), "id\n"
                + IntStream.rangeClosed(1, students).mapToObj(i -> "s" + i + "\n").collect(Collectors.joining()));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "correct-horse-battery-staple\n");
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("sheets", PROBLEM, "--roster", roster.toString(), "--out",
                out.toString(), "--lang", lang, "--secret-file", secret.toString()));
        if (solutions) {
            args.add("--solutions");
        }
        var r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(wrote + " " + out + "\n", r.err().replace("\r\n", "\n"));
        try (var files = Files.list(out)) {
            assertEquals(students, files.count(), "a file per student");
        }
    }
}
