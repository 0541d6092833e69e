package nngrade.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a terminal line shows of a name or a field: control characters as Java escapes, the rest as it is. */
class ExcerptsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ana.json                        | ana.json
            'a\nFAKE: all graded OK.json'   | a\\nFAKE: all graded OK.json
            'a\rb'                          | a\\rb
            'a\tb'                          | a\\tb
            '\u001b[31mred'                 | \\u001b[31mred
            'del\u007f c1\u0085'            | del\\u007f c1\\u0085
            'rlo\u202egnp.exe'              | rlo\\u202egnp.exe
            'ls\u2028ps\u2029'              | ls\\u2028ps\\u2029
            'josé · Ωμέγα'                  | josé · Ωμέγα
            'C:\\users\\ana'                | C:\\users\\ana
            """)
    void controlCharactersAreEscapedAndTheRestKept(String text, String shown) {
        assertEquals(shown, Excerpts.escaped(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'a\nb.json' | 3 | 'x\u001b[2Jy' | a\\nb.json:3: x\\u001b[2Jy
            'a\rb.json' | 0 | 'ok'          | a\\rb.json: ok
            """)
    void anInputErrorIsOneLineWithItsFileAndMessageEscaped(String file, int line, String message, String shown) {
        assertEquals(shown, InputError.atLine(file, line, message).oneLine());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            name;Email address                 | true
            Full name;ID (4711);Points Possible | true
            ghp_S3cr3tT0k3nValue123            | false
            TOKEN=abc;other                    | false
            user;p@ssw0rd!                     | false
            a;bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb | false
            """)
    void aHeaderIsQuotedOnlyWhenItLooksLikeColumnNames(String cells, boolean quoted) {
        String found = Excerpts.foundHeader(java.util.List.of(cells.split(";")), ',');
        assertEquals(quoted ? "found \"" + cells.replace(';', ',') + "\"" : "found a line that is not a table's header "
                + "(not quoted: a file that is not what it was given as may hold a secret)", found);
    }
}
