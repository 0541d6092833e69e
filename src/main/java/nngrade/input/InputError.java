package nngrade.input;

/**
 * One thing wrong with an input file: which file, where in it (a field path such as
 * {@code given.W1}, a line, or a sheet's cell), and what was expected.
 *
 * @param file  the file as the user named it
 * @param line  1-based line number, or 0 when the place is a field
 * @param field JSON path of the field, or a place in a workbook ({@code sheet "Sheet1", cell C4}), or null
 *              when the place is a line
 * @param message what is wrong and what was expected
 */
public record InputError(String file, int line, String field, String message) {

    public static InputError atField(String file, String field, String message) {
        return new InputError(file, 0, field, message);
    }

    public static InputError atLine(String file, int line, String message) {
        return new InputError(file, line, null, message);
    }

    /**
     * A place in a workbook, kept as the field: {@code ana.xlsx: sheet "Sheet1", cell C4: …}. The sheet
     * name is the student's, so it is clipped; {@code place} ("cell C4", "row 4") may be empty.
     */
    public static InputError inSheet(String file, String sheet, String place, String message) {
        String where = "sheet \"" + Excerpts.shown(sheet) + "\"";
        return atField(file, place.isEmpty() ? where : where + ", " + place, message);
    }

    public static InputError inFile(String file, String message) {
        return new InputError(file, 0, null, message);
    }

    /** The place and the message without the file, e.g. {@code line 3: …}, for a table that names the file already. */
    public String withoutFile() {
        return (line > 0 ? "line " + line + ": " : "") + body();
    }

    /** The one line a user sees, e.g. {@code problems/hw1.json: given.W1 is 2×3, but …}. */
    public String oneLine() {
        return Excerpts.escaped(file) + (line > 0 ? ":" + line : "") + ": " + body();
    }

    /** Field and message; control characters (a student's ESC or newline) escaped, so it stays one line. */
    private String body() {
        String b = field != null && !message.startsWith(field) ? field + ": " + message : message;
        return Excerpts.escaped(b);
    }
}
