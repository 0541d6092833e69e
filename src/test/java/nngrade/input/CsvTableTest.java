package nngrade.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CSV format of submissions and rosters: the delimiter, the physical line of each row, syntax errors. */
class CsvTableTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "id,name|,", "id;name|;", "quantity;value|;", "id;last, first|;", "id,name;group|,", "id|,", "\\n\\n  \\nid;x|;"})
    void theDelimiterIsSemicolonWhenTheFirstLineHasOneBeforeAnyComma(String firstLines, char delimiter) {
        assertEquals(delimiter, CsvTable.delimiter(firstLines.replace("\\n", "\n") + "\na,b\n"));
    }

    @Test
    void rowsCarryTheLineTheyStartOn() {
        CsvTable t = CsvTable.parse("t.csv", "id,name\n\n   \r\nana,\"Popescu,\nAna\"\r\rbob, Bob \n");
        assertEquals(List.of(new CsvRow(1, List.of("id", "name")), new CsvRow(4, List.of("ana", "Popescu,\nAna")),
                new CsvRow(7, List.of("bob", "Bob"))), t.rows());
    }

    @Test
    void aSyntaxErrorIsOnePlainLineAtItsLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> CsvTable.parse("t.csv", "id\n" + "x\n".repeat(1200) + "\"open\n"));
        assertEquals(List.of("t.csv:1202: is not valid CSV: a quoted value is not closed (a \" without its closing \")"),
                e.errors().stream().map(InputError::oneLine).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tabs only              | 'id\tname\nana\tAna\n'          | 1
            after blank lines      | '\n  \nquantity\tvalue\n'       | 3
            tabs and commas        | 'id,name\tx\nana,A\n'            | 0
            tabs and semicolons    | 'id;name\tx\n'                    | 0
            one column             | 'id\nana\tAna\n'                 | 0
            a trailing tab only    | 'id\t\nana\n'                    | 0
            """)
    void aFileWhoseFirstLineIsSplitByTabsAloneIsTabDelimited(String what, String text, int line) {
        assertEquals(line, CsvTable.tabDelimitedLine(text), what);
    }

    @Test
    void aTabDelimitedFileIsRefusedWithHowToSaveItAsCsv() {
        BadInputException e = assertThrows(BadInputException.class, () -> CsvTable.parse("r.csv", "id\tname\nana\tAna\n"));
        assertEquals("r.csv:1: the columns are separated by tabs (a spreadsheet's \"Text (Tab delimited)\"); save it as CSV, "
                + "comma-separated (CSV UTF-8 in a spreadsheet's Save As)", e.errors().get(0).oneLine());
    }
}
