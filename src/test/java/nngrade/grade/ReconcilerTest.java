package nngrade.grade;

import nngrade.check.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The class's rules as a table: files graded one by one (and a roster) in, gradebook rows and report names out. */
class ReconcilerTest {

    /**
     * A graded file: "id file mtime" and optional words: {@code invalid}, {@code claimed=NAME}
     * (the report name taken while grading; without it, the first file of each report name
     * takes it, as the grader does).
     */
    record Case(String name, List<String> files, List<String> roster, boolean reports, List<String> rows,
                List<String> placements) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("one file each, no roster: all graded, reports already in place",
                        List.of("ana a/ana.json 1", "ion a/ion.json 1"), null, true,
                        List.of("ana graded a/ana.json ", "ion graded a/ion.json "), List.of()),
                new Case("two files of one student: the newer counts, the other is a duplicate with its own report",
                        List.of("ana a/ana.json 5", "ana b/ana.json 9"), null, true,
                        List.of("ana duplicate a/ana.json not counted: b/ana.json is newer",
                                "ana graded b/ana.json counted (newest of 2 files)"),
                        List.of("0 ana → ana--ana", "1 - → ana")),
                new Case("equally new: the later path counts",
                        List.of("ana a/ana.json 7", "ana b/ana.json 7"), null, true,
                        List.of("ana duplicate a/ana.json not counted: b/ana.json is newer",
                                "ana graded b/ana.json counted (newest of 2 files)"),
                        List.of("0 ana → ana--ana", "1 - → ana")),
                new Case("newest by time even when it is the first by path",
                        List.of("ana a/ana.json 9", "ana b/ana-v2.json 5", "ana c/ana-v3.json 1"), null, true,
                        List.of("ana graded a/ana.json counted (newest of 3 files)",
                                "ana duplicate b/ana-v2.json not counted: a/ana.json is newer",
                                "ana duplicate c/ana-v3.json not counted: a/ana.json is newer"),
                        List.of("1 - → ana--ana-v2", "2 - → ana--ana-v3")),
                new Case("a duplicate keeps its own note after the reason it does not count",
                        List.of("ana a/ana.json 1 invalid", "ana b/ana.json 2"), null, true,
                        List.of("ana duplicate a/ana.json not counted: b/ana.json is newer; line 1: broken",
                                "ana graded b/ana.json counted (newest of 2 files)"),
                        List.of("0 ana → ana--ana", "1 - → ana")),
                new Case("roster: a student without a file is missing, an id not on it unknown",
                        List.of("ana ana.json 1", "zoe zoe.json 1"), List.of("ana", "ion"), true,
                        List.of("ana graded ana.json ", "ion missing  no submission",
                                "zoe unknown zoe.json not on the roster"),
                        List.of()),
                new Case("roster: an invalid file from an unknown id stays invalid",
                        List.of("zoe zoe.json 1 invalid"), List.of("ana"), true,
                        List.of("ana missing  no submission", "zoe invalid zoe.json line 1: broken"), List.of()),
                new Case("roster: the counted file of an unknown id says both",
                        List.of("zoe a/zoe.json 1", "zoe b/zoe.json 2"), List.of("ana"), true,
                        List.of("ana missing  no submission",
                                "zoe duplicate a/zoe.json not counted: b/zoe.json is newer",
                                "zoe unknown b/zoe.json not on the roster; counted (newest of 2 files)"),
                        List.of("0 zoe → zoe--zoe", "1 - → zoe")),
                new Case("ids differing only in case get distinct report names",
                        List.of("Ana Ana.json 1", "ana ana.json 1"), null, true,
                        List.of("Ana graded Ana.json ", "ana graded ana.json "),
                        List.of("1 - → ana~2")),
                new Case("a literal id equal to a duplicate's report name is told apart",
                        List.of("ana a/ana.json 1", "ana b/ana.json 2", "ana--ana c/ana--ana.json 1"), null, true,
                        List.of("ana duplicate a/ana.json not counted: b/ana.json is newer",
                                "ana graded b/ana.json counted (newest of 2 files)",
                                "ana--ana graded c/ana--ana.json "),
                        List.of("0 ana → ana--ana", "1 - → ana", "2 ana--ana → ana--ana~2")),
                new Case("an id made safe for a file name keeps its id in the row",
                        List.of("../x x.json 1 claimed=_.._x-3f9a1c2b"), null, true,
                        List.of("../x graded x.json "), List.of("0 _.._x-3f9a1c2b → " + FileNames.safe("../x"))),
                new Case("without reports there are no names to choose",
                        List.of("ana a/ana.json 5", "ana b/ana.json 9"), null, false,
                        List.of("ana duplicate a/ana.json not counted: b/ana.json is newer",
                                "ana graded b/ana.json counted (newest of 2 files)"),
                        List.of()),
                new Case("the newest file is unreadable: it counts, and stays invalid rather than unknown",
                        List.of("zoe a/zoe.json 1", "zoe b/zoe.json 2 invalid"), List.of("ana"), true,
                        List.of("ana missing  no submission",
                                "zoe duplicate a/zoe.json not counted: b/zoe.json is newer",
                                "zoe invalid b/zoe.json counted (newest of 2 files); line 1: broken"),
                        List.of("0 zoe → zoe--zoe", "1 - → zoe")),
                new Case("a roster student whose only file is unreadable is invalid, not missing",
                        List.of("ana ana.json 1 invalid"), List.of("ana"), true,
                        List.of("ana invalid ana.json line 1: broken"), List.of()),
                new Case("two duplicates with the same file name get their own report names",
                        List.of("ana a/ana.json 1", "ana b/ana.json 2", "ana c/ana.json 3"), null, true,
                        List.of("ana duplicate a/ana.json not counted: c/ana.json is newer",
                                "ana duplicate b/ana.json not counted: c/ana.json is newer",
                                "ana graded c/ana.json counted (newest of 3 files)"),
                        List.of("0 ana → ana--ana", "1 - → ana--ana~2", "2 - → ana")),
                new Case("one file named alike twice (a name the locale cannot decode): two rows, by index",
                        List.of("x? x?.json 1", "x? x?.json 2"), null, false,
                        List.of("x? duplicate x?.json not counted: x?.json is newer",
                                "x? graded x?.json counted (newest of 2 files)"),
                        List.of()),
                new Case("a duplicate's report name and a literal id differing only in case",
                        List.of("ana a/ana.json 1", "ana b/ana.json 2", "Ana--Ana c/Ana--Ana.json 1"), null, true,
                        List.of("Ana--Ana graded c/Ana--Ana.json ",
                                "ana duplicate a/ana.json not counted: b/ana.json is newer",
                                "ana graded b/ana.json counted (newest of 2 files)"),
                        List.of("0 ana → ana--ana", "1 - → ana", "2 Ana--Ana → Ana--Ana~2")),
                new Case("an empty class without a roster: no rows",
                        List.of(), null, true, List.of(), List.of()),
                new Case("an empty class with a roster: everyone missing, in roster order sorted by id",
                        List.of(), List.of("ion", "ana"), true,
                        List.of("ana missing  no submission", "ion missing  no submission"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reconcile(Case c) {
        List<GradedFile> graded = new ArrayList<>();
        Set<String> claims = new LinkedHashSet<>();
        for (String f : c.files()) {
            graded.add(file(graded.size(), f, claims, c.reports()));
        }
        Optional<Set<String>> roster = Optional.ofNullable(c.roster()).map(LinkedHashSet::new);
        Reconciler.Reconciliation r = Reconciler.reconcile(graded, roster, 8, c.reports(), IdSource.LAYOUT);
        assertEquals(c.rows(), r.classRows().stream()
                .map(row -> row.id() + " " + row.status().label() + " " + row.file() + " " + row.note()).toList());
        assertEquals(c.placements(), r.placements().stream()
                .map(p -> p.index() + " " + (p.claimed() == null ? "-" : p.claimed()) + " → " + p.reportName()).toList());
        for (Reconciler.Row row : r.rows()) {
            if (row.row().status() == RowStatus.MISSING) {
                assertEquals(-1, row.index());
                assertEquals(8, row.row().maxScore());
            } else {
                assertEquals(row.row().file(), graded.get(row.index()).row().file(), "a row keeps its file's index");
            }
        }
    }

    private static GradedFile file(int index, String spec, Set<String> claims, boolean reports) {
        String[] w = spec.split(" ");
        String id = w[0];
        String path = w[1];
        FileTime modified = FileTime.fromMillis(Long.parseLong(w[2]) * 1000);
        boolean invalid = false;
        String claimed = FileNames.safe(id);
        for (int i = 3; i < w.length; i++) {
            if (w[i].equals("invalid")) {
                invalid = true;
            } else if (w[i].startsWith("claimed=")) {
                claimed = w[i].substring("claimed=".length());
            }
        }
        if (!reports || !claims.add(claimed.toLowerCase())) {
            claimed = null;
        }
        ClassRow row = invalid
                ? ClassRow.ungraded(id, RowStatus.INVALID, path, "line 1: broken", 8)
                : new ClassRow(id, RowStatus.GRADED, path, "", 8, 8, new Status[]{Status.CORRECT},
                new double[]{8}, new String[]{null});
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new GradedFile(index, row, modified, name.substring(0, name.lastIndexOf('.')), claimed);
    }
}
