package nngrade.grade;

import nngrade.submission.StudentIds;
import org.junit.jupiter.api.Test;

import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing of the names of hand-ins (issue 14): random folders of random names, built from the
 * pieces LMSs and students use (Moodle's and Canvas's patterns, digits, dashes, dots, spaces,
 * accents decomposed or not, control characters, U+FFFD), with and without a roster. Whatever
 * the names, every layout names every file without failing, each hand-in keeps its source, an
 * id is never empty and always in NFC, and two different files are never the same hand-in.
 * Seeded: a failure names its iteration, and the same seed repeats it.
 */
class NamesFuzzTest {
    private static final String[] PIECES = {"ana", "Ana Popescu", "jos\\u00e9", "jose\\u0301", "_", "-", ".", " ", "1001",
            "_1001_assignsubmission_file_", "_assignsubmission_onlinetext_", "_LATE_", "_late_", "_12345_678901_",
            "hw1-", "\\n", "\\u001b[2J", "\\uFFFD", "%FC", "~$", "..", "__MACOSX", ".git", "node_modules", "README",
            "\\u202e", "0", "9999999999999999999999"};
    private static final String[] EXTENSIONS = {".json", ".csv", ".xlsx", ".pdf", ".txt", "", ".JSON", ".md", ".zip"};

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static List<String> paths(Random r) {
        List<String> paths = new ArrayList<>();
        for (int n = 1 + r.nextInt(12); n > 0; n--) {
            StringBuilder p = new StringBuilder();
            for (int depth = r.nextInt(3); depth > 0; depth--) {
                p.append(name(r)).append('/');
            }
            p.append(name(r)).append(EXTENSIONS[r.nextInt(EXTENSIONS.length)]);
            String path = p.toString();
            if (!path.startsWith("/") && !path.contains("//") && !paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    @Test
    void everyNameIsNamedOnceWithAnIdInNfc() {
        long seed = Long.getLong("nngrade.fuzz.seed", 20240611L);
        int iterations = Integer.getInteger("nngrade.fuzz.names", 3000);
        for (int i = 0; i < iterations; i++) {
            Random r = new Random(seed * 31 + i);
            List<String> paths = paths(r);
            Optional<Set<String>> roster = r.nextBoolean() ? Optional.empty()
                    : Optional.of(new HashSet<>(List.of(StudentIds.nfc(name(r)), "ana", "1001", "12345")));
            // some first folders the walk could not enter (no permission): named by the layout or no one's
            List<HandIns.Candidate> unwalked = new ArrayList<>();
            for (String folder : paths.stream().filter(p -> p.indexOf('/') > 0).map(Layout::first).distinct().sorted().toList()) {
                if (r.nextInt(4) == 0 && !HandIns.hidden(folder)) {
                    unwalked.add(new HandIns.Candidate(new Location.Unwalked("fuzz"), "in/" + folder + "/", folder + "/",
                            FileTime.fromMillis(0)));
                }
            }
            for (Layout forced : new Layout[]{null, Layout.FILES, Layout.FOLDERS, Layout.MOODLE, Layout.CANVAS}) {
                String where = "iteration " + i + " (seed " + seed + "), layout " + forced + ", paths " + paths;
                HandIns handIns = new HandIns(new SubmissionFinder.Options(Optional.ofNullable(forced), roster,
                        Optional.empty()));
                List<HandIns.Candidate> candidates = new ArrayList<>();
                for (String p : paths) {
                    if (!HandIns.hidden(p)) {
                        candidates.add(new HandIns.Candidate(new Location.Refused("fuzz"), "in/" + p, p, FileTime.fromMillis(0)));
                    }
                }
                List<SubmissionFile> files = handIns.identify(candidates, unwalked);
                Map<String, Integer> sources = new HashMap<>();
                for (SubmissionFile f : files) {
                    assertFalse(f.id().isEmpty(), where + ": an empty id for " + f.source());
                    assertEquals(StudentIds.nfc(f.id()), f.id(), where + ": an id not in NFC: " + f.id());
                    assertTrue(f.source().startsWith("in/"), where);
                    sources.merge(f.source(), 1, Integer::sum);
                }
                sources.forEach((s, n) -> assertEquals(1, n, where + ": " + s + " is " + n + " hand-ins"));
                assertTrue(files.size() <= candidates.size() + unwalked.size(), where);
                HandIns.withoutUnreadableExtras(files); // never fails either
            }
        }
    }
}
