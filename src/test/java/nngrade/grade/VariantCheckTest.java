package nngrade.grade;

import nngrade.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The class's rules for variant codes, as a table: which files get a note, and when the run stops. */
class VariantCheckTest {
    private static final Map<String, String> CODES = Map.of(
            "ana", "AAAA-AAAA", "bob", "BBBB-BBBB", "carmen", "CCCC-CCCC", "dan", "DDDD-DDDD", "eve", "EEEE-EEEE");
    private static final List<String> CLASS = List.of("ana", "bob", "carmen", "dan");
    private static final Function<String, Optional<String>> CODE_OF = id -> Optional.ofNullable(CODES.get(id));

    private static final String OTHER = "variant-mismatch: carries the variant code of ";
    private static final String SHEET = ": worked on another student's sheet?";

    /**
     * @param files    "id=code" per file: {@code own}, {@code -} (none), or the code as written
     * @param expected the notes, "id: note" joined by " / ", or "stop: " and the line that stops the run
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "every file its own code          | ana=own bob=own carmen=own                   | ''",
            "no file carries a code           | ana=- bob=- carmen=-                         | ''",
            "written loosely, still its own   | ana='aaaa aaaa' bob=bbbbbbbb                 | ''",
            "one on another's sheet           | ana=BBBB-BBBB bob=own carmen=own             | ana: " + OTHER + "bob" + SHEET,
            "all on others' sheets: no stop   | ana=BBBB-BBBB bob=CCCC-CCCC carmen=AAAA-AAAA | ana: " + OTHER + "bob" + SHEET + " / bob: " + OTHER + "carmen" + SHEET + " / carmen: " + OTHER + "ana" + SHEET,
            "one no one's: a note             | ana=ZZZZ-ZZZZ bob=own carmen=own             | ana: variant-mismatch: carries variant code ZZZZ-ZZZZ, which is no one's in the class",
            "the only code, no one's: a note  | ana=ZZZZ-ZZZZ bob=- carmen=-                 | ana: variant-mismatch: carries variant code ZZZZ-ZZZZ, which is no one's in the class",
            "a student outside the class      | ana=EEEE-EEEE eve=own                        | ana: variant-mismatch: carries variant code EEEE-EEEE, which is no one's in the class",
            "2 of 4 no one's: half, notes     | ana=YYYY-YYYY bob=ZZZZ-ZZZZ carmen=own dan=own | ana: variant-mismatch: carries variant code YYYY-YYYY, which is no one's in the class / bob: variant-mismatch: carries variant code ZZZZ-ZZZZ, which is no one's in the class",
            "2 of 3 no one's: stop            | ana=YYYY-YYYY bob=ZZZZ-ZZZZ carmen=own       | stop: p.json: 2 of 3 files carry",
            "2 of 2 no one's: stop            | ana=YYYY-YYYY bob=ZZZZ-ZZZZ carmen=-         | stop: p.json: 2 of 2 files carry",
            "another's code is not no one's   | ana=YYYY-YYYY bob=ZZZZ-ZZZZ carmen=DDDD-DDDD dan=AAAA-AAAA | ana: variant-mismatch: carries variant code YYYY-YYYY, which is no one's in the class / bob: variant-mismatch: carries variant code ZZZZ-ZZZZ, which is no one's in the class / carmen: " + OTHER + "dan" + SHEET + " / dan: " + OTHER + "ana" + SHEET,
            "3 of 4 no one's: stop            | ana=XXXX-XXXX bob=YYYY-YYYY carmen=ZZZZ-ZZZZ dan=AAAA-AAAA | stop: p.json: 3 of 4 files carry",
            "unreadable codes do not count    | ana=hello bob=hello carmen=-                 | ana: variant-mismatch: carries \"hello\" as its variant code, which is not one (8 letters and digits, such as 7K3M-Q9XD) / bob: variant-mismatch: carries \"hello\" as its variant code, which is not one (8 letters and digits, such as 7K3M-Q9XD)",
            "unreadable and no one's          | ana=hello bob=YYYY-YYYY carmen=ZZZZ-ZZZZ dan=own | stop: p.json: 2 of 3 files carry",
            "two files of one student         | ana=own ana=BBBB-BBBB                        | ana: " + OTHER + "bob" + SHEET})
    void rules(String rule, String files, String expected) {
        List<VariantCheck.Carried> carried = new ArrayList<>();
        for (String f : files.trim().split("\\s+(?=\\w+=)")) {
            String id = f.substring(0, f.indexOf('='));
            String code = f.substring(f.indexOf('=') + 1).replace("'", "");
            carried.add(new VariantCheck.Carried(id, code.equals("-") ? null : code.equals("own") ? CODES.get(id) : code));
        }
        if (expected.startsWith("stop: ")) {
            BadInputException e = assertThrows(BadInputException.class, () -> VariantCheck.notes("p.json", carried, CLASS, CODE_OF));
            assertEquals(1, e.errors().size());
            String line = e.errors().get(0).oneLine();
            assertEquals(expected.substring("stop: ".length()) + " a variant code that is no student's in the class: the "
                    + "problem file or the secret is not the one the task sheets were made with (or the sheets were made "
                    + "for other student ids); nngrade variant PROBLEM --student ID prints a student's code", line);
            return;
        }
        List<String> notes = VariantCheck.notes("p.json", carried, CLASS, CODE_OF);
        assertEquals(carried.size(), notes.size());
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            if (!notes.get(i).isEmpty()) {
                shown.add(carried.get(i).id() + ": " + notes.get(i));
            }
        }
        assertEquals(expected, String.join(" / ", shown));
    }

    @Test
    void aProblemTheSameForEveryoneIgnoresEveryCode() {
        List<VariantCheck.Carried> files = List.of(new VariantCheck.Carried("ana", "YYYY-YYYY"),
                new VariantCheck.Carried("bob", "ZZZZ-ZZZZ"), new VariantCheck.Carried("carmen", "hello"));
        assertEquals(List.of("", "", ""), VariantCheck.notes("p.json", files, CLASS, id -> Optional.empty()));
    }

    /** Two students whose codes clash (40 bits: about one class in a few million) are named in a fixed order. */
    @Test
    void aClashNamesTheFirstIdInOrder() {
        Map<String, String> clash = Map.of("ana", "AAAA-AAAA", "zoe", "BBBB-BBBB", "bob", "BBBB-BBBB");
        List<String> notes = VariantCheck.notes("p.json", List.of(new VariantCheck.Carried("ana", "BBBB-BBBB")),
                List.of("zoe", "bob", "ana"), id -> Optional.ofNullable(clash.get(id)));
        assertEquals(List.of(OTHER + "bob" + SHEET), notes);
    }

    @Test
    void theStopNeverShowsACode() {
        List<VariantCheck.Carried> files = List.of(new VariantCheck.Carried("ana", "YYYY-YYYY"),
                new VariantCheck.Carried("bob", "ZZZZ-ZZZZ"));
        String line = assertThrows(BadInputException.class, () -> VariantCheck.notes("p.json", files, CLASS, CODE_OF))
                .errors().get(0).oneLine();
        for (String code : List.of("YYYY", "ZZZZ", "AAAA", "BBBB")) {
            assertEquals(-1, line.indexOf(code), line);
        }
    }
}
