package nngrade.submission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a roster file is: a plain class list, or a learning platform's own export, which grades
 * go back into. Each kind knows its columns (by index into the header) and how to read its ids.
 */
public sealed interface RosterKind permits RosterKind.Plain, RosterKind.Moodle, RosterKind.Canvas {

    /** What a message calls the file, e.g. "a Moodle grading worksheet". */
    String label();

    /** The column of the student id. */
    int idColumn();

    /** The columns carried into the gradebook after {@code id}: who the student is (name, email, group …). */
    List<Integer> extraColumns(List<String> header);

    /** The file grade writes for the platform to import, if there is one. */
    Optional<String> uploadFile();

    /** A number as a platform writes a maximum, "10", "10.00" or "10,00" (a comma in many languages). */
    static OptionalDouble points(String cell) {
        String s = cell.strip();
        if (!s.matches("[0-9]{1,9}([.,][0-9]{1,9})?")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(s.replace(',', '.')));
    }

    /** A CSV with an id column (id, student, username or login); every other named column is carried along. */
    record Plain(int idColumn) implements RosterKind {
        static final List<String> ID_COLUMNS = List.of("id", "student", "username", "login");

        static int idColumn(List<String> header) {
            for (int i = 0; i < header.size(); i++) {
                if (ID_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String label() {
            return "a roster";
        }

        @Override
        public List<Integer> extraColumns(List<String> header) {
            return columnsBefore(header, header.size(), idColumn);
        }

        @Override
        public Optional<String> uploadFile() {
            return Optional.empty();
        }
    }

    /**
     * Moodle's offline grading worksheet (Assignment → View all submissions → Download grading
     * worksheet), by its English column names, which Moodle's upload also matches by name.
     *
     * @param grade    the Grade column
     * @param maximum  the "Maximum Grade" column (absent when the assignment is graded on a scale)
     * @param feedback the "Feedback comments" column (absent without the feedback comments plugin)
     * @param status   the Status column, where the columns describing the student end
     */
    record Moodle(int idColumn, int grade, OptionalInt maximum, OptionalInt feedback, int status) implements RosterKind {
        static final String IDENTIFIER = "Identifier";
        static final String GRADE = "Grade";
        static final String MAXIMUM = "Maximum Grade";
        static final String FEEDBACK = "Feedback comments";
        static final String MODIFIED = "Last modified (grade)";
        static final String STATUS = "Status";
        /** Columns only a grading worksheet has. */
        static final List<String> OWN = List.of(MAXIMUM, MODIFIED, "Grade can be changed");

        /**
         * A worksheet has an Identifier and a Grade column, or one of its own (then a missing
         * Identifier is told as such); a class list that merely has an "Identifier" stays one.
         */
        static boolean recognises(List<String> header) {
            return header.contains(IDENTIFIER) && header.contains(GRADE) || header.stream().anyMatch(OWN::contains);
        }

        /**
         * The participant number of an identifier cell, "Participant 1001" (the word is
         * translated in other languages), or null. Read from the end without a regular
         * expression, which would backtrack over a long run of spaces.
         */
        static String participant(String identifier) {
            String s = identifier.strip();
            int start = s.length();
            while (start > 0 && s.charAt(start - 1) >= '0' && s.charAt(start - 1) <= '9') {
                start--;
            }
            return start < s.length() ? s.substring(start) : null;
        }

        @Override
        public String label() {
            return "a Moodle grading worksheet";
        }

        @Override
        public List<Integer> extraColumns(List<String> header) {
            return columnsBefore(header, status, idColumn);
        }

        @Override
        public Optional<String> uploadFile() {
            return Optional.of("moodle-grades.csv");
        }

        /** A row's maximum grade, when the worksheet has one. */
        public OptionalDouble maximum(List<String> cells) {
            return maximum.isPresent() && maximum.getAsInt() < cells.size()
                    ? points(cells.get(maximum.getAsInt())) : OptionalDouble.empty();
        }
    }

    /**
     * Canvas's gradebook export (Grades → Export): Student, ID, SIS User ID, SIS Login ID,
     * Section, then a column per assignment named "NAME (ASSIGNMENT ID)", and a "Points
     * Possible" row.
     *
     * @param headerLine         the line of the header, where a message about the columns points
     * @param section            the Section column, the last describing the student
     * @param pointsPossibleLine the line of the Points Possible row, or 0 when there is none
     * @param assignments        the assignment columns
     * @param chosen             the one grades go into: an index into {@code assignments}
     */
    record Canvas(int idColumn, int headerLine, int section, int pointsPossibleLine, List<Assignment> assignments,
                  OptionalInt chosen)
            implements RosterKind {
        static final String STUDENT = "Student";
        static final String ID = "ID";
        static final String SECTION = "Section";
        static final List<String> SIS = List.of("SIS User ID", "SIS Login ID");
        /** What Canvas writes in the first cell of its Points Possible row (after some spaces). */
        static final String POINTS_POSSIBLE = "Points Possible";
        /** Canvas's test student (Student View), as the export names it. */
        static final List<String> TEST_STUDENT = List.of("Student, Test", "Test Student");

        /**
         * An assignment column.
         *
         * @param pointsPossible its cell in the Points Possible row ("" when there is no such row)
         */
        public record Assignment(int column, String header, String name, String id, String pointsPossible) {
            /** The column of a header "NAME (ID)", else null (read without a regular expression, as above). */
            static Assignment of(int column, String header, String pointsPossible) {
                int open = header.lastIndexOf('(');
                if (!header.endsWith(")") || open < 0) {
                    return null;
                }
                String id = header.substring(open + 1, header.length() - 1);
                if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return null;
                }
                return new Assignment(column, header, header.substring(0, open).strip(), id, pointsPossible);
            }

            /** Whether {@code name} names this column: its whole header, its name, or its id (with or without parentheses). */
            public boolean isNamed(String name) {
                String n = name.strip();
                return n.equals(header) || n.equals(this.name) || n.equals(id) || n.equals("(" + id + ")");
            }
        }

        public Canvas {
            assignments = List.copyOf(assignments);
        }

        /**
         * Student first and a Section, with an SIS column (then a missing ID is told as such) or
         * an ID and an assignment column; a class list of "Student,ID,Section" stays one.
         */
        static boolean recognises(List<String> header) {
            if (header.isEmpty() || !header.get(0).equals(STUDENT) || !header.contains(SECTION)) {
                return false;
            }
            if (header.stream().anyMatch(SIS::contains)) {
                return true;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.contains(ID) && Assignment.of(i, header.get(i), "") != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String label() {
            return "a Canvas gradebook export";
        }

        @Override
        public List<Integer> extraColumns(List<String> header) {
            return columnsBefore(header, section + 1, idColumn);
        }

        @Override
        public Optional<String> uploadFile() {
            return Optional.of("canvas-grades.csv");
        }

        /** The column grades go into, once one is chosen. */
        public Optional<Assignment> assignment() {
            return chosen.isPresent() ? Optional.of(assignments.get(chosen.getAsInt())) : Optional.empty();
        }

        /** The chosen assignment's points possible, when the export has that row. */
        public OptionalDouble pointsPossible() {
            return assignment().map(a -> points(a.pointsPossible())).orElse(OptionalDouble.empty());
        }

        Canvas choose(int index) {
            return new Canvas(idColumn, headerLine, section, pointsPossibleLine, assignments, OptionalInt.of(index));
        }
    }

    /** The named columns before {@code end}, but {@code id}. */
    private static List<Integer> columnsBefore(List<String> header, int end, int id) {
        return java.util.stream.IntStream.range(0, Math.min(end, header.size()))
                .filter(i -> i != id && !header.get(i).isEmpty()).boxed().toList();
    }
}
