package nngrade.grade;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The class's rules, applied to the files graded one by one: of several files for one student
 * the newest counts (the last by path on a tie) and the others are duplicates; with a roster,
 * a student without a file is missing and an id not on it is unknown. Also chooses each
 * report's final name. Pure: no files are read or moved here.
 */
public final class Reconciler {

    /**
     * A final gradebook row, and the index of its file (-1 for a roster student without one).
     *
     * @param reportName the name its reports are published under, or null when it has none
     */
    public record Row(ClassRow row, int index, String reportName) {
        public Row(ClassRow row, int index) {
            this(row, index, null);
        }
    }

    /** A file's reports, to be moved from where they were staged to their final name. */
    public record Placement(int index, String claimed, String reportName) {
    }

    /**
     * @param rows       sorted by id, then file, then index: the gradebook's order
     * @param placements reports whose final name is not the one they were staged under
     */
    public record Reconciliation(List<Row> rows, List<Placement> placements) {
        public List<ClassRow> classRows() {
            return rows.stream().map(Row::row).toList();
        }
    }

    private Reconciler() {
    }

    /**
     * @param graded   every file, in index order
     * @param roster   the class list, if there is one
     * @param maxScore what a missing student's row is out of
     * @param reports  whether reports were written (without them there are no names to choose)
     * @param idFrom   where the ids came from: when from the files' own student fields, several
     *                 files of one id are no resubmission but a clash, and each is flagged
     */
    public static Reconciliation reconcile(List<GradedFile> graded, Optional<Set<String>> roster, double maxScore,
                                           boolean reports, IdSource idFrom) {
        // Files grouped by id through a sorted copy rather than a map of lists, which costs
        // ~120 bytes a file (12 MB for 100,000); ids are still taken in the order of their first file.
        GradedFile[] byId = graded.toArray(GradedFile[]::new);
        Arrays.sort(byId, Comparator.comparing((GradedFile g) -> g.row().id()).thenComparingInt(GradedFile::index));
        int[] position = new int[byId.length];
        for (int k = 0; k < byId.length; k++) {
            position[byId[k].index()] = k;
        }
        Set<String> submitted = roster.isPresent() ? new HashSet<>() : null; // only a roster asks who is missing
        List<Row> rows = new ArrayList<>(graded.size());
        List<Placement> placements = new ArrayList<>();
        Set<String> usedNames = new HashSet<>(); // lower case: "Ana" and "ana" clash on Windows and macOS
        for (GradedFile first : graded) {
            String id = first.row().id();
            int start = position[first.index()];
            if (start > 0 && byId[start - 1].row().id().equals(id)) {
                continue; // not the first file of its id
            }
            int end = start + 1;
            while (end < byId.length && byId[end].row().id().equals(id)) {
                end++;
            }
            List<GradedFile> mine = Arrays.asList(byId).subList(start, end);
            if (submitted != null) {
                submitted.add(id);
            }
            // Files are sorted by path, so of two equally new files the later index is the later path.
            GradedFile counted = mine.stream().max(Comparator.comparing(GradedFile::modified)
                    .thenComparingInt(GradedFile::index)).orElseThrow();
            for (GradedFile g : mine) {
                ClassRow row = g.row();
                String reportName = FileNames.safe(id);
                if (g != counted) {
                    row = row.with(RowStatus.DUPLICATE, "not counted: " + counted.row().file() + " is newer"
                            + (row.note().isEmpty() ? "" : "; " + row.note()));
                    reportName = reportName + "--" + FileNames.safe(g.fileId());
                } else {
                    if (mine.size() > 1) {
                        row = row.with(row.status(), "counted (newest of " + mine.size() + " files)"
                                + (row.note().isEmpty() ? "" : "; " + row.note()));
                    }
                    if (roster.isPresent() && !roster.get().contains(id) && row.status() == RowStatus.GRADED) {
                        row = row.with(RowStatus.UNKNOWN, "not on the roster" + (row.note().isEmpty() ? "" : "; " + row.note()));
                    }
                }
                if (idFrom == IdSource.FIELD && mine.size() > 1) {
                    row = row.flagged(mine.size() + " files say they are " + id + "'s: decide which one counts");
                }
                if (!reports) {
                    rows.add(new Row(row, g.index()));
                    continue;
                }
                String unique = reportName;
                for (int n = 2; !usedNames.add(unique.toLowerCase(Locale.ROOT)); n++) {
                    unique = reportName + "~" + n;
                }
                rows.add(new Row(row, g.index(), unique));
                if (!unique.equals(g.claimed())) {
                    placements.add(new Placement(g.index(), g.claimed(), unique));
                }
            }
        }
        roster.ifPresent(ids -> {
            for (String id : ids) {
                if (!submitted.contains(id)) {
                    rows.add(new Row(ClassRow.ungraded(id, RowStatus.MISSING, "", "no submission", maxScore), -1));
                }
            }
        });
        // By index last: two files may read alike (names the locale cannot decode) yet are two rows.
        rows.sort(Comparator.comparing((Row n) -> n.row().id()).thenComparing(n -> n.row().file())
                .thenComparingInt(Row::index));
        return new Reconciliation(List.copyOf(rows), List.copyOf(placements));
    }
}
