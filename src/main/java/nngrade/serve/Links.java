package nngrade.serve;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.report.Text;
import nngrade.submission.Roster;
import nngrade.variant.Secret;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The students' links, {@code BASE/s/TOKEN} ({@link Tokens}), as {@code nngrade links} prints
 * them for a mail merge: CSV {@code id,name,url}, one row per roster student in roster order,
 * every cell guarded against spreadsheet formulas as the gradebook's are.
 */
public final class Links {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
    static final String OPTION = "--base-url";

    private Links() {
    }

    /** The CSV of the roster's links; the same roster, secret and base give the same bytes. */
    public static String csv(Roster roster, Secret secret, String baseUrl) {
        String base = baseUrl(baseUrl);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSV)) {
            csv.printRecord("id", "name", "url");
            for (String id : roster.ids()) {
                csv.printRecord(Text.csvCell(id), Text.csvCell(Text.oneLine(roster.nameOf(id))),
                        Text.csvCell(base + "/s/" + Tokens.token(secret, id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** One student's link. */
    public static String url(String baseUrl, Secret secret, String studentId) {
        return baseUrl(baseUrl) + "/s/" + Tokens.token(secret, studentId);
    }

    /**
     * The base URL without its trailing slashes; refuses (one line) anything but an absolute
     * http or https URL with a host and without a query or fragment, which would swallow the path.
     */
    public static String baseUrl(String given) {
        String s = given == null ? "" : given.strip();
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw refused(s, "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(s, "is not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused(s, "has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(s, "has a query or a fragment");
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static BadInputException refused(String given, String why) {
        return new BadInputException(InputError.atField("command line", OPTION, "'" + given + "' " + why
                + "; expected the server's address as students reach it, such as https://nngrade.example.edu"));
    }
}
