package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a class roster: a CSV with an {@code id} column (others, such as name, are ignored). */
public final class RosterReader {
    private static final List<String> ID_COLUMNS = List.of("id", "student", "username", "login");

    private RosterReader() {
    }

    /** The ids in file order, each once. */
    public static Set<String> read(Path path) {
        String source = path.toString();
        String text = new String(SubmissionReader.readBytes(path, source), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
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
