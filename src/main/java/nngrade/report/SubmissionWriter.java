package nngrade.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import nngrade.problem.Matrix;
import nngrade.problem.Numbers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes submission documents in the spec's formats: JSON, long CSV and compact CSV. Numbers
 * are written exactly (they read back bit for bit), blanks as null or empty cells.
 */
public final class SubmissionWriter {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private SubmissionWriter() {
    }

    public static String json(Answers answers) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"problem\": ").append(quote(answers.problem())).append(",\n");
        if (answers.student() != null) {
            sb.append("  \"student\": ").append(quote(answers.student())).append(",\n");
        }
        if (answers.variant() != null) {
            sb.append("  \"variant\": ").append(quote(answers.variant())).append(",\n");
        }
        sb.append("  \"answers\": {");
        String sep = "\n";
        for (Answers.Entry e : answers.entries()) {
            sb.append(sep).append("    ").append(quote(e.name())).append(": ");
            Matrix m = e.value();
            if (e.scalar()) {
                sb.append(jsonNumber(m.at(0)));
            } else if (e.flat()) {
                row(sb, m, 0);
            } else {
                sb.append("[\n");
                for (int i = 0; i < m.rows(); i++) {
                    sb.append("      ");
                    row(sb, m, i);
                    sb.append(i + 1 < m.rows() ? ",\n" : "\n");
                }
                sb.append("    ]");
            }
            sep = ",\n";
        }
        return sb.append("\n  }\n}\n").toString();
    }

    private static void row(StringBuilder sb, Matrix m, int i) {
        sb.append('[');
        for (int j = 0; j < m.cols(); j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(jsonNumber(m.get(i, j)));
        }
        sb.append(']');
    }

    private static String jsonNumber(double v) {
        return Double.isNaN(v) ? "null" : Numbers.exact(v);
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** The long layout: {@code quantity,row,col,value}, one cell per line; a scalar has no indices. */
    public static String csvLong(Answers answers) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSV)) {
            out.printRecord("quantity", "row", "col", "value");
            if (answers.variant() != null) {
                out.printRecord("variant", "", "", answers.variant());
            }
            for (Answers.Entry e : answers.entries()) {
                Matrix m = e.value();
                if (e.scalar()) {
                    out.printRecord(e.name(), "", "", cell(m.at(0)));
                    continue;
                }
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        out.printRecord(e.name(), i + 1, j + 1, cell(m.get(i, j)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The compact layout: {@code quantity,value}, rows separated by {@code ;}, entries by spaces. */
    public static String csvCompact(Answers answers) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSV)) {
            out.printRecord("quantity", "value");
            if (answers.variant() != null) {
                out.printRecord("variant", answers.variant());
            }
            for (Answers.Entry e : answers.entries()) {
                Matrix m = e.value();
                StringBuilder v = new StringBuilder();
                for (int i = 0; i < m.rows(); i++) {
                    if (i > 0) {
                        v.append("; ");
                    }
                    for (int j = 0; j < m.cols(); j++) {
                        if (j > 0) {
                            v.append(' ');
                        }
                        v.append(Double.isNaN(m.get(i, j)) ? "_" : Numbers.exact(m.get(i, j)));
                    }
                }
                out.printRecord(e.name(), v.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Numbers.exact(v);
    }
}
