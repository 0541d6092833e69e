package nngrade.serve;

import nngrade.problem.Matrix;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.Messages;
import nngrade.report.ServedPages;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer form of a problem's page: a grid per asked quantity (fields {@code q.NAME.ROW.COL},
 * from 1) and a box to paste a whole matrix into ({@code paste.NAME}). Reads what a student
 * typed into answers, and puts an attempt's answers back into the form.
 */
final class AnswerForm {
    /**
     * A pasted matrix may have another shape than the grid's (a transposed one is the student's
     * answer too), but not many times its cells: that is not an answer to this quantity.
     */
    static final int MAX_PASTE_FACTOR = 4;

    private AnswerForm() {
    }

    /**
     * What the form holds for one quantity, as typed: its cells by field name, the pasted text,
     * the cells that cannot be read, and why (null when it reads).
     */
    record Typed(Map<String, String> cells, String paste, List<String> bad, String error) {
        static final Typed EMPTY = new Typed(Map.of(), "", List.of(), null);

        Typed {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
            bad = List.copyOf(bad);
        }
    }

    /**
     * The form read: as typed (to send it back when it cannot be checked), the values of the
     * quantities answered, and what stops it being checked (empty when it can be).
     */
    record Reading(Map<Quantity, Typed> typed, Map<Quantity, Matrix> values, List<String> errors) {
        Reading {
            typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            errors = List.copyOf(errors);
        }
    }

    static String cellName(Quantity q, int row, int col) {
        return "q." + q.name() + "." + row + "." + col;
    }

    /** Reads every asked quantity from the form's fields ({@code field} gives null for a missing one). */
    static Reading read(Problem p, Function<String, String> field, Messages m) {
        Map<Quantity, Typed> typed = new LinkedHashMap<>();
        Map<Quantity, Matrix> values = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Quantity q : p.ask()) {
            Typed t = read(p, q, field, values, m);
            typed.put(q, t);
            if (t.error() != null) {
                errors.add(t.error());
            }
        }
        if (errors.isEmpty() && values.isEmpty()) {
            errors.add(m.get("serve.form.empty"));
        }
        return new Reading(typed, values, errors);
    }

    /**
     * One quantity: the pasted matrix when there is one, else the grid. A value that cannot be
     * read, or a grid filled in part, is an error; an empty grid is no answer.
     */
    private static Typed read(Problem p, Quantity q, Function<String, String> field, Map<Quantity, Matrix> values,
                              Messages m) {
        int[] shape = p.shapeOf(q);
        String paste = Optional.ofNullable(field.apply("paste." + q.name())).orElse("");
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 1; i <= shape[0]; i++) {
            for (int j = 1; j <= shape[1]; j++) {
                String name = cellName(q, i, j);
                cells.put(name, Optional.ofNullable(field.apply(name)).orElse("").strip());
            }
        }
        if (!paste.isBlank()) {
            return readPaste(q, shape, paste, cells, values, m);
        }
        List<String> bad = new ArrayList<>();
        String error = null;
        double[] v = new double[shape[0] * shape[1]];
        int filled = 0;
        int k = 0;
        for (Map.Entry<String, String> c : cells.entrySet()) {
            String text = c.getValue();
            if (!text.isEmpty()) {
                filled++;
                Numbers.Parsed parsed = Numbers.parse(text);
                if (parsed instanceof Numbers.Value value) {
                    v[k] = value.value();
                } else {
                    bad.add(c.getKey());
                    if (error == null) {
                        error = m.get("serve.cell.bad", q.name(), k / shape[1] + 1, k % shape[1] + 1,
                                ((Numbers.NotANumber) parsed).reason());
                    }
                }
            }
            k++;
        }
        if (error == null && filled > 0 && filled < v.length) {
            for (Map.Entry<String, String> c : cells.entrySet()) {
                if (c.getValue().isEmpty()) {
                    bad.add(c.getKey());
                }
            }
            error = m.get("serve.partly", q.name(), v.length - filled, v.length);
        }
        if (error == null && filled > 0) {
            values.put(q, Matrix.wrap(shape[0], shape[1], v));
        }
        return new Typed(cells, paste, bad, error);
    }

    /** Rows on lines; a row's values split by tabs (a spreadsheet's copy), else semicolons, else spaces. */
    private static Typed readPaste(Quantity q, int[] shape, String paste, Map<String, String> cells,
                                   Map<Quantity, Matrix> values, Messages m) {
        List<String> lines = new ArrayList<>();
        for (String line : paste.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        int most = MAX_PASTE_FACTOR * shape[0] * shape[1];
        List<double[]> rows = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] texts = line.contains("\t") ? line.split("\t") : line.contains(";") ? line.split(";")
                    : line.split("\\s+");
            count += texts.length;
            if (count > most) {
                return new Typed(cells, paste, List.of(), m.get("serve.paste.large", q.name(), shape[0], shape[1]));
            }
            double[] row = new double[texts.length];
            for (int j = 0; j < texts.length; j++) {
                Numbers.Parsed parsed = Numbers.parse(texts[j]);
                if (parsed instanceof Numbers.Value value) {
                    row[j] = value.value();
                } else {
                    return new Typed(cells, paste, List.of(), m.get("serve.paste.cell", q.name(), i + 1, j + 1,
                            ((Numbers.NotANumber) parsed).reason()));
                }
            }
            if (!rows.isEmpty() && rows.get(0).length != row.length) {
                return new Typed(cells, paste, List.of(), m.get("serve.paste.ragged", q.name(), i + 1, row.length,
                        rows.get(0).length));
            }
            rows.add(row);
        }
        // a shape other than the grid's is the student's answer too: the check names a transposed one
        values.put(q, Matrix.of(rows.toArray(double[][]::new)));
        return new Typed(cells, paste, List.of(), null);
    }

    /** An attempt's answers put back into the form: in the grid when of its shape, else pasted. */
    static Map<Quantity, Typed> typed(Problem p, Submission sub, Messages m) {
        Map<Quantity, Typed> out = new LinkedHashMap<>();
        for (Quantity q : p.ask()) {
            Answer a = sub.answers().get(q);
            if (a == null || !a.isReadable()) {
                continue;
            }
            Matrix v = a.value();
            int[] shape = p.shapeOf(q);
            if (v.rows() == shape[0] && v.cols() == shape[1]) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < v.rows(); i++) {
                    for (int j = 0; j < v.cols(); j++) {
                        cells.put(cellName(q, i + 1, j + 1), m.exact(v.get(i, j)));
                    }
                }
                out.put(q, new Typed(cells, "", List.of(), null));
            } else {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < v.rows(); i++) {
                    for (int j = 0; j < v.cols(); j++) {
                        text.append(j == 0 ? "" : "\t").append(m.exact(v.get(i, j)));
                    }
                    text.append('\n');
                }
                out.put(q, new Typed(Map.of(), text.toString(), List.of(), null));
            }
        }
        return out;
    }

    /** One quantity's part of the form, filled with what was typed. */
    static ServedPages.Field field(Problem p, Quantity q, Typed t, Messages m) {
        int[] shape = p.shapeOf(q);
        boolean scalar = q.isScalar();
        List<List<ServedPages.Cell>> rows = new ArrayList<>(shape[0]);
        for (int i = 1; i <= shape[0]; i++) {
            List<ServedPages.Cell> row = new ArrayList<>(shape[1]);
            for (int j = 1; j <= shape[1]; j++) {
                String name = cellName(q, i, j);
                row.add(new ServedPages.Cell(name, t.cells().getOrDefault(name, ""), t.bad().contains(name),
                        scalar ? q.name() : m.get("serve.cell.label", q.name(), i, j)));
            }
            rows.add(row);
        }
        String shapeText = scalar ? m.get("serve.shape.scalar") : "(" + shape[0] + "×" + shape[1] + ")";
        return new ServedPages.Field(q.name(), shapeText, rows, scalar ? null : "paste." + q.name(), t.paste(), t.error());
    }
}
