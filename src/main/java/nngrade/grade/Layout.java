package nngrade.grade;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a folder (or an LMS's zip) of submissions says whose each file is. The id always comes
 * from where a file sits, never from what it says: a student can write anyone's name into a
 * file, but not put the file in another student's place.
 */
public enum Layout {
    /** A file per student, named by the id ({@code ana.popescu.json}), at any depth (group folders). */
    FILES("files") {
        @Override
        Naming naming(List<String> paths, Optional<Set<String>> roster) {
            return path -> Optional.of(new Identity(stem(last(path)), ""));
        }
    },
    /**
     * A folder per student (GitHub Classroom's {@code ASSIGNMENT-USERNAME/}): the id is the folder
     * name less the assignment prefix every folder shares, cut after a {@code -}; with a roster,
     * the roster id the folder name ends with.
     */
    FOLDERS("folders") {
        @Override
        Naming naming(List<String> paths, Optional<Set<String>> roster) {
            List<String> folders = paths.stream().filter(p -> p.indexOf('/') > 0).map(Layout::first).distinct().toList();
            String prefix = sharedPrefix(folders);
            return path -> {
                if (path.indexOf('/') < 0) {
                    return Optional.empty();
                }
                String folder = first(path);
                Optional<String> listed = roster.flatMap(ids -> rosterIdOf(folder, ids));
                String id = listed.orElse(folder.length() > prefix.length() ? folder.substring(prefix.length()) : folder);
                return Optional.of(new Identity(id, ""));
            };
        }
    },
    /**
     * Moodle's "Download all submissions": {@code FULL NAME_PARTICIPANT_assignsubmission_file_/any.json},
     * or flat, {@code FULL NAME_PARTICIPANT_assignsubmission_file_any.json}; the id is the participant number.
     */
    MOODLE("moodle") {
        @Override
        Naming naming(List<String> paths, Optional<Set<String>> roster) {
            return path -> named(MOODLE_NAME, path).map(m -> new Identity(m.group(2), ""));
        }
    },
    /**
     * Canvas's "Download submissions": {@code sortablename_USERID_SUBMISSIONID_original.ext}, with
     * {@code LATE_} after the name when late; the id is the Canvas user id.
     */
    CANVAS("canvas") {
        @Override
        Naming naming(List<String> paths, Optional<Set<String>> roster) {
            return path -> named(CANVAS_NAME, path).map(m -> new Identity(m.group(3), m.group(2) != null ? "late" : ""));
        }
    };

    // The name may hold underscores; the participant number is the last "_digits_" before the plugin.
    private static final Pattern MOODLE_NAME = Pattern.compile("(.+)_(\\d+)_assignsubmission_[a-z]+_.*", Pattern.DOTALL);
    private static final Pattern CANVAS_NAME = Pattern.compile("([^_/]+)_(late_)?(\\d+)_(\\d+)_.+",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String label;

    Layout(String label) {
        this.label = label;
    }

    /** The word {@code --layout} takes and the notes use. */
    public String label() {
        return label;
    }

    /** The layout of that label, if any. */
    public static Optional<Layout> ofLabel(String label) {
        for (Layout l : values()) {
            if (l.label.equals(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Whose a file is, and what the layout says of it ("late"). */
    public record Identity(String id, String note) {
    }

    /** Names the files of one input; empty for a file that does not fit the layout. */
    @FunctionalInterface
    public interface Naming {
        Optional<Identity> of(String path);
    }

    /**
     * How this layout names the files of one input.
     *
     * @param paths  every file of the input, relative to it, with {@code /} between folders
     * @param roster the class's ids, where a roster gives them
     */
    abstract Naming naming(List<String> paths, Optional<Set<String>> roster);

    /**
     * The first folder or file name on the path named as {@code name} says: the LMS's name may
     * be below a folder the teacher put around the download.
     */
    private static Optional<Matcher> named(Pattern name, String path) {
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            // cheap tests first: 100,000 file names are told apart in milliseconds, not a second
            if (name == MOODLE_NAME ? mayBeMoodle(path, start, end) : mayBeCanvas(path, start, end)) {
                Matcher m = name.matcher(path.substring(start, end));
                if (m.matches()) {
                    return Optional.of(m);
                }
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static boolean mayBeMoodle(String path, int start, int end) {
        int k = path.indexOf("_assignsubmission_", start);
        return k >= 0 && k < end;
    }

    /** Whether a name has an underscore followed by a digit or an {@code l} (of {@code late_}): a Canvas name has. */
    private static boolean mayBeCanvas(String path, int start, int end) {
        for (int i = path.indexOf('_', start); i >= 0 && i + 1 < end; i = path.indexOf('_', i + 1)) {
            char c = path.charAt(i + 1);
            if (Character.isDigit(c) || c == 'l' || c == 'L') {
                return true;
            }
        }
        return false;
    }

    /**
     * The layout of an input from the paths of its files: an LMS's when most files are named as
     * that LMS names them; a folder per student when every file is in a folder and most file
     * names repeat across folders (then they carry no identity); else a file per student.
     */
    public static Layout detect(List<String> paths) {
        if (paths.isEmpty()) {
            return FILES;
        }
        long moodle = paths.stream().filter(p -> named(MOODLE_NAME, p).isPresent()).count();
        long canvas = paths.stream().filter(p -> named(CANVAS_NAME, p).isPresent()).count();
        if (2 * moodle > paths.size()) {
            return MOODLE;
        }
        if (2 * canvas > paths.size()) {
            return CANVAS;
        }
        boolean allInFolders = paths.stream().allMatch(p -> p.indexOf('/') > 0);
        if (allInFolders && paths.stream().map(Layout::first).distinct().limit(2).count() > 1) {
            // Most files named as files in other folders are: the names carry no identity. One
            // student in two group folders (group-a/ana.csv, group-b/ana.csv) is not most files.
            Map<String, String> folderOfStem = new HashMap<>(); // the first folder of a name, or SHARED
            String shared = "/"; // no folder is named so
            String[] stems = new String[paths.size()];
            for (int i = 0; i < stems.length; i++) {
                String p = paths.get(i);
                stems[i] = stem(last(p)).toLowerCase(Locale.ROOT);
                String folder = first(p);
                String seen = folderOfStem.putIfAbsent(stems[i], folder);
                if (seen != null && seen != shared && !seen.equals(folder)) {
                    folderOfStem.put(stems[i], shared);
                }
            }
            long repeated = 0;
            for (String stem : stems) {
                repeated += folderOfStem.get(stem) == shared ? 1 : 0;
            }
            if (2 * repeated > paths.size()) {
                return FOLDERS;
            }
        }
        return FILES;
    }

    /**
     * The longest start all folder names share, cut after its last {@code -}: {@code hw1-ana},
     * {@code hw1-andrei} share {@code hw1-an}, so the prefix is {@code hw1-}. Empty for one folder
     * or none shared.
     */
    static String sharedPrefix(Collection<String> folders) {
        if (folders.size() < 2) {
            return "";
        }
        String shared = null;
        for (String f : folders) {
            if (shared == null) {
                shared = f;
            } else {
                int n = 0;
                while (n < shared.length() && n < f.length() && shared.charAt(n) == f.charAt(n)) {
                    n++;
                }
                shared = shared.substring(0, n);
            }
        }
        return shared.substring(0, shared.lastIndexOf('-') + 1);
    }

    /** The longest roster id the folder name is, or ends with after a {@code -}. */
    private static Optional<String> rosterIdOf(String folder, Set<String> ids) {
        if (ids.contains(folder)) {
            return Optional.of(folder);
        }
        String best = null;
        for (int dash = folder.indexOf('-'); dash >= 0; dash = folder.indexOf('-', dash + 1)) {
            String tail = folder.substring(dash + 1);
            if (ids.contains(tail) && (best == null || tail.length() > best.length())) {
                best = tail;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first folder of a relative path, or the file's own name at the top. */
    static String first(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A file name without its extension: {@code ana.popescu.json} → {@code ana.popescu}. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
