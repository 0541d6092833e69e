package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.CsvRow;
import nngrade.input.CsvTable;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;

import java.nio.file.Path;
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
        CsvTable table = CsvTable.parse(source, TextFiles.withoutBom(TextFiles.readText(path, source, FILE)));
        List<CsvRow> rows = table.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a header with an id column"));
        }
        CsvRow header = rows.get(0);
        int column = -1;
        for (int i = 0; i < header.size() && column < 0; i++) {
            if (ID_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                column = i;
            }
        }
        if (column < 0) {
            throw new BadInputException(InputError.atLine(source, header.line(), "expected a header with an id column "
                    + "(id, student, username or login), found \""
                    + Excerpts.shown(String.join(String.valueOf(table.delimiter()), header.cells())) + "\""));
        }
        Set<String> ids = new LinkedHashSet<>();
        ErrorList errors = new ErrorList(source);
        for (CsvRow r : rows.subList(1, rows.size())) {
            String id = column < r.size() ? r.get(column) : "";
            if (id.isEmpty()) {
                errors.add(InputError.atLine(source, r.line(), "the id is empty"));
            } else if (!ids.add(id)) {
                errors.add(InputError.atLine(source, r.line(), "\"" + Excerpts.shown(id) + "\" is listed twice"));
            }
        }
        errors.throwIfAny();
        return ids;
    }
}
