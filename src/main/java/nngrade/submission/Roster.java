package nngrade.submission;

import nngrade.input.CsvSpans;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class list as {@link RosterReader} read it: the student ids, what else the file says about
 * each student, and, for a learning platform's export, what is needed to write the same file back
 * with grades filled in.
 *
 * @param source       the file as the user named it
 * @param kind         plain, or the platform whose export it is
 * @param ids          the student ids in file order, each once
 * @param header       the header row's cells
 * @param extraColumns the header names of the columns carried into the gradebook
 * @param extras       per id, its cells of those columns
 * @param text         the file's text exactly, a byte-order mark included
 * @param delimiter    the file's delimiter
 * @param rows         the students' rows in file order (empty for a roster made from ids alone)
 */
public record Roster(String source, RosterKind kind, Set<String> ids, List<String> header, List<String> extraColumns,
                     Map<String, List<String>> extras, String text, char delimiter, List<Row> rows) {

    /**
     * One student's row.
     *
     * @param line  where it starts in the file
     * @param cells its cells, trimmed (as {@link nngrade.input.CsvTable} reads them)
     * @param raw   where each cell's raw text lies in {@code text}
     */
    public record Row(String id, int line, List<String> cells, CsvSpans.Record raw) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public Roster {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        header = List.copyOf(header);
        extraColumns = List.copyOf(extraColumns);
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        rows = List.copyOf(rows);
    }

    /** A plain class list of these ids and nothing else (tests, and callers that have only ids). */
    public static Roster of(String source, Collection<String> ids) {
        return new Roster(source, new RosterKind.Plain(0), new LinkedHashSet<>(ids), List.of("id"), List.of(), Map.of(),
                "", ',', List.of());
    }

    /**
     * Whom a name a student wrote stands for: the student whose id, or one of whose cells (a
     * full name, also in the given-name-first order of a "Surname, Given" cell, an email address
     * or the part of it before the {@code @}, a login), it is, in any letter case and with spaces around ignored. Empty when it is no one's, or when two
     * students share it.
     */
    public Optional<String> whoIs(String written) {
        String w = written.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        Set<String> whom = new LinkedHashSet<>();
        for (String id : ids) {
            if (id.toLowerCase(Locale.ROOT).equals(w)) {
                return Optional.of(id);
            }
            for (String cell : extrasOf(id)) {
                String c = cell.strip().toLowerCase(Locale.ROOT);
                int at = c.indexOf('@');
                if (!c.isEmpty() && (c.equals(w) || at > 0 && c.substring(0, at).equals(w) || w.equals(firstLast(c)))) {
                    whom.add(id);
                }
            }
        }
        return whom.size() == 1 ? Optional.of(whom.iterator().next()) : Optional.empty();
    }

    /**
     * A name written surname first, as Canvas's export and many class lists give it ("Popescu,
     * Ion"), in the order students write their own ("Popescu Ion" stays as it is): "ion popescu";
     * null for a cell with no comma or several.
     */
    private static String firstLast(String cell) {
        int comma = cell.indexOf(',');
        if (comma <= 0 || comma != cell.lastIndexOf(',')) {
            return null;
        }
        String surname = cell.substring(0, comma).strip();
        String given = cell.substring(comma + 1).strip();
        return surname.isEmpty() || given.isEmpty() ? null : given + " " + surname;
    }

    /** Headers of the column that holds a student's name, as rosters and the platforms' exports call it. */
    private static final List<String> NAME_COLUMNS = List.of("name", "full name", "student", "nume", "full_name");

    /** A student's name, where the roster has a name column; else "". */
    public String nameOf(String id) {
        for (int i = 0; i < extraColumns.size(); i++) {
            if (NAME_COLUMNS.contains(extraColumns.get(i).strip().toLowerCase(Locale.ROOT))) {
                return extrasOf(id).get(i);
            }
        }
        return "";
    }

    /** The cells a student's row gives the extra columns: empty ones for an id not on the roster. */
    public List<String> extrasOf(String id) {
        List<String> mine = extras.get(id);
        return mine != null ? mine : Collections.nCopies(extraColumns.size(), "");
    }
}
