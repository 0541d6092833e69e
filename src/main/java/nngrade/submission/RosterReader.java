package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a class roster: a CSV with an {@code id} column (others, such as name, are ignored). */
public final class RosterReader {
    private static final String CSV_UTF8 = "(CSV UTF-8 in a spreadsheet's Save As)";
    private static final FileKind FILE = new FileKind("a roster file", "a roster", SubmissionReader.MAX_BYTES,
            "a CSV file " + CSV_UTF8, "is not UTF-8 text; save it as UTF-8 " + CSV_UTF8, true);
    private static final List<String> ID_COLUMNS = List.of("id", "student", "username", "login");

    private RosterReader() {
    }

    /** The ids in file order, each once. */
    public static Set<String> read(Path path) {
        String source = path.toString();
        String text = TextFiles.withoutBom(TextFiles.readText(path, source, FILE));
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = first.contains(";") && !first.contains(",") ? ';' : ',';
        List<CSVRecord> records;
        try (CSVParser p = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).build().parse(new StringReader(text))) {
            records = p.getRecords();
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(InputError.inFile(source, "is not valid CSV: " + e.getMessage()));
        }
        if (records.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a header with an id column"));
        }
        CSVRecord header = records.get(0);
        int column = -1;
        for (int i = 0; i < header.size() && column < 0; i++) {
            if (ID_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                column = i;
            }
        }
        if (column < 0) {
            throw new BadInputException(InputError.atLine(source, 1, "expected a header with an id column (id, student, "
                    + "username or login), found \"" + String.join(",", header.values()) + "\""));
        }
        Set<String> ids = new LinkedHashSet<>();
        List<InputError> errors = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            String id = column < r.size() ? r.get(column) : "";
            if (id.isEmpty()) {
                errors.add(InputError.atLine(source, (int) r.getRecordNumber(), "the id is empty"));
            } else if (!ids.add(id)) {
                errors.add(InputError.atLine(source, (int) r.getRecordNumber(), "\"" + id + "\" is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return ids;
    }
}
