package nngrade.serve;

import nngrade.cli.Main;
import nngrade.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinksTest {
    private static final String ROSTER = "src/test/resources/serve/roster.csv";
    private static final String SECRET = "src/test/resources/serve/secret.txt";

    private record Run(int code, String out, String err) {
    }

    private static Run links(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "links";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The expected file was written outside Java (HMAC-SHA256 in Python), formula-looking names with an apostrophe. */
    @Test
    void printsEachStudentsLinkWithFormulaLookingCellsGuarded() throws Exception {
        Run r = links("--roster", ROSTER, "--base-url", "https://nngrade.example.edu/course/", "--secret-file", SECRET);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(Files.readString(Path.of("src/test/resources/serve/links-expected.csv")), r.out());
        assertEquals(r.out(), links("--roster", ROSTER, "--base-url", "https://nngrade.example.edu/course",
                "--secret-file", SECRET).out(), "the same links with or without the trailing slash");
    }

    @ParameterizedTest
    @CsvSource({
        "https://nngrade.example.edu, https://nngrade.example.edu",
        "https://nngrade.example.edu///, https://nngrade.example.edu",
        "HTTP://127.0.0.1:8080/, HTTP://127.0.0.1:8080",
        "http://[::1]:8080/nn/, http://[::1]:8080/nn",
    })
    void aBaseUrlLosesItsTrailingSlashes(String given, String base) {
        assertEquals(base, Links.baseUrl(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://nngrade.example.edu", "nngrade.example.edu", "javascript:alert(1)", "https:///x",
        "https://h/?a=1", "https://h/#top", "http://h/a b", ""})
    void aBaseUrlThatIsNotHttpIsRefused(String given) {
        BadInputException e = assertThrows(BadInputException.class, () -> Links.baseUrl(given));
        assertEquals(1, e.errors().size());
    }

    @Test
    void aBadBaseUrlIsOneLineAndExit2() {
        Run r = links("--roster", ROSTER, "--base-url", "ftp://nngrade.example.edu", "--secret-file", SECRET);
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("command line: --base-url: 'ftp://nngrade.example.edu' is not an http or https URL; expected the "
                + "server's address as students reach it, such as https://nngrade.example.edu" + System.lineSeparator(), r.err());
    }

    @Test
    void withoutASecretNoLinksArePrinted() {
        Run r = links("--roster", ROSTER, "--base-url", "https://nngrade.example.edu", "--secret-file",
                "src/test/resources/serve/missing-secret.txt");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
