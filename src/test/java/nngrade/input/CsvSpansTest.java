package nngrade.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The raw places of cells, which must agree with {@link CsvTable}'s parse of the same text:
 * every record the table has (blank lines and whitespace-only lines left out alike), every cell,
 * and each cell's raw text unquoting to the table's value.
 */
class CsvSpansTest {

    /** A raw cell as the parser reads it: spaces around dropped, quotes undone, trimmed. */
    private static String value(String raw) {
        int a = 0;
        int b = raw.length();
        while (a < b && Character.isWhitespace(raw.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(raw.charAt(b - 1))) {
            b--;
        }
        String s = raw.substring(a, b);
        if (s.startsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.trim();
    }

    private static List<List<String>> raw(String text, CsvTable table) {
        List<List<String>> out = new ArrayList<>();
        for (CsvSpans.Record r : CsvSpans.of(text, table, 0)) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.size(); c++) {
                cells.add(text.substring(r.starts()[c], r.ends()[c]));
            }
            out.add(cells);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "id,name\nana,Ana\n",
            "id,name\r\n\r\nana,\"Popescu, Ana\"\r\n   \r\nbob, Bob \r\n",
            "id;name\rana;\"two\nlines\";\r\rbob;x",
            "a,b,\n,,\n\"\",\n",
            "a,b\n\"\"\n  \"x\"  ,  y  \n",
            "a\n\u2003\n\u0001\u2003\u0001\nb",
            "a,\"say \"\"hi\"\"\",c\n   ",
            "a,b\n,\n",
            "\n\n\nid\nana"})
    void everyRecordAndCellAgreesWithTheParser(String text) {
        CsvTable table = CsvTable.parse("t.csv", text);
        List<List<String>> raw = raw(text, table);
        assertEquals(table.rows().size(), raw.size());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(table.rows().get(i).cells(), raw.get(i).stream().map(CsvSpansTest::value).toList(), "row " + i);
        }
    }

    @Test
    void aCellsRawTextKeepsItsQuotesAndSpaces() {
        String text = "id,grade,note\nana,  \"7,50\" ,\"say \"\"hi\"\"\"\r\nbob,,\n";
        assertEquals(List.of(List.of("id", "grade", "note"), List.of("ana", "  \"7,50\" ", "\"say \"\"hi\"\"\""),
                List.of("bob", "", "")), raw(text, CsvTable.parse("t.csv", text)));
    }

    @Test
    void placesAreShiftedByTheOffsetOfAByteOrderMark() {
        String body = "id,x\nana,1\n";
        CsvSpans.Record r = CsvSpans.of(body, CsvTable.parse("t.csv", body), 1).get(1);
        assertEquals(List.of(6, 10), List.of(r.starts()[0], r.starts()[1]));
        assertEquals(11, r.end());
    }

    @Test
    void aTableOfAnotherTextIsABug() {
        assertThrows(IllegalStateException.class, () -> CsvSpans.of("a\nb\n", CsvTable.parse("t.csv", "a\n"), 0));
    }
}
