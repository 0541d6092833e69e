package nngrade.grade;

import nngrade.submission.StudentIds;

import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of an input are hand-ins, and whose: the input's layout names each one. Pure: the
 * files are only named here, never read.
 */
final class HandIns {

    /**
     * A file of an input, before it is known whose it is.
     *
     * @param note what the file's name itself calls for (a name that is not UTF-8), or ""
     */
    record Candidate(Location location, String source, String relative, FileTime modified, String note) {
        Candidate(Location location, String source, String relative, FileTime modified) {
            this(location, source, relative, modified, "");
        }
    }

    /** What nngrade makes of a file by its extension. */
    enum Format {
        /** Answers nngrade reads. */
        SUPPORTED,
        /** What students hand in that nngrade cannot read (a scan, a document, a notebook): still their row. */
        UNSUPPORTED,
        /** Not a hand-in at all (a README, a .gitignore, the build files of a repository). */
        OTHER;

        private static final Set<String> READ = Set.of("json", "csv", "xlsx");
        private static final Set<String> HANDED_IN = Set.of("pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsm",
                "ods", "numbers", "pages", "png", "jpg", "jpeg", "gif", "heic", "heif", "webp", "bmp", "tif", "tiff",
                "ipynb", "py", "m", "r", "tex", "html", "htm", "zip", "rar", "7z", "tar", "gz");

        /** What a repository or a teacher keeps beside the hand-ins, whatever its extension. */
        private static final Set<String> FURNITURE = Set.of("readme", "license", "licence", "changelog", "contributing");

        static Format of(String fileName) {
            int dot = fileName.lastIndexOf('.');
            String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (FURNITURE.contains(Layout.stem(fileName).toLowerCase(Locale.ROOT))) {
                return OTHER;
            }
            return READ.contains(ext) ? SUPPORTED : HANDED_IN.contains(ext) ? UNSUPPORTED : OTHER;
        }
    }

    private final SubmissionFinder.Options options;

    HandIns(SubmissionFinder.Options options) {
        this.options = options;
    }

    /**
     * Dot-files and dot-folders ({@code .git}, {@code .DS_Store}), and the {@code __MACOSX} folder
     * macOS puts into zips: no one's hand-in. Also the junk files Windows leaves, and the
     * {@code ~$name.xlsx} lock file Excel keeps beside an open workbook, and a repository's
     * {@code node_modules}.
     */
    static boolean hidden(String name) {
        String last = Layout.last(name);
        String path = "/" + name + "/";
        return last.startsWith(".") || last.startsWith("~$") || last.equalsIgnoreCase("Thumbs.db")
                || last.equalsIgnoreCase("desktop.ini") || path.contains("/__MACOSX/") || path.contains("/.")
                || path.contains("/node_modules/");
    }

    /** The hand-ins of one folder or zip, named by its layout. */
    List<SubmissionFile> identify(List<Candidate> input) {
        return identify(input, List.of());
    }

    /**
     * The hand-ins of one folder, named by its layout, and the parts of it the walk could not
     * enter or did not follow (a link to a folder; {@link Location.Unwalked}) that the layout
     * gives a student: a student's folder
     * (Moodle's, or one of the folder-per-student layout), or a folder inside it. Each is its
     * student's row, so no one who handed in is missing; what belongs to no one (a group folder
     * of a file-per-student class) is left to the caller's warning. They take no part in telling
     * the layout, but they are among the folders whose shared prefix is cut.
     */
    List<SubmissionFile> identify(List<Candidate> input, List<Candidate> unwalked) {
        Set<String> answered = foldersWithAnswers(input);
        List<Candidate> files = input.stream().filter(c -> !isProblemCopy(c) && !isTemplateProblem(c, answered)).toList();
        Format[] formats = files.stream().map(c -> Format.of(Layout.last(c.relative()))).toArray(Format[]::new);
        List<String> handedIn = new ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] != Format.OTHER) {
                handedIn.add(files.get(i).relative());
            }
        }
        Layout layout = options.layout().orElseGet(() -> rosterSays(Layout.detect(handedIn), handedIn));
        List<String> named = new ArrayList<>(handedIn);
        unwalked.forEach(u -> named.add(u.relative()));
        Layout.Naming naming = layout.naming(named, options.roster());
        boolean lms = layout == Layout.MOODLE || layout == Layout.CANVAS;
        List<SubmissionFile> found = new ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            Candidate c = files.get(i);
            Format format = formats[i];
            Optional<Layout.Identity> identity = format == Format.OTHER && !lms ? Optional.empty() : naming.of(c.relative());
            if (identity.isPresent()) {
                found.add(file(c, identity.get().id(), layout, identity.get().note(), format));
            } else if (format != Format.OTHER) {
                // one stray file (a teacher's note in a Moodle folder) is still graded, under its file name
                found.add(file(c, Layout.stem(Layout.last(c.relative())), Layout.FILES, layout == Layout.FOLDERS
                        ? "not in a student's folder: the id is the file name"
                        : "not named as " + layout.label() + " names hand-ins: the id is the file name", format));
            }
        }
        if (layout != Layout.FILES) { // a file per student: a folder is no one's
            for (Candidate u : unwalked) {
                naming.of(u.relative()).filter(identity -> !identity.id().isEmpty())
                        .ifPresent(identity -> found.add(file(u, identity.id(), layout, identity.note(), Format.SUPPORTED)));
            }
        }
        return found;
    }

    /**
     * Between a file and a folder per student, what a roster says where it says anything: the
     * layout whose ids more of its students are (a single student's repository, group folders
     * with more repeated names than unique ones).
     */
    private Layout rosterSays(Layout detected, List<String> paths) {
        if (options.roster().isEmpty() || (detected != Layout.FILES && detected != Layout.FOLDERS)) {
            return detected;
        }
        Layout other = detected == Layout.FILES ? Layout.FOLDERS : Layout.FILES;
        return onRoster(other, paths) > onRoster(detected, paths) ? other : detected;
    }

    private long onRoster(Layout layout, List<String> paths) {
        Layout.Naming naming = layout.naming(paths, options.roster());
        Set<String> roster = options.roster().get();
        return paths.stream().map(naming::of).flatMap(Optional::stream).map(Layout.Identity::id).distinct()
                .filter(roster::contains).count();
    }

    /** Files named one by one on the command line: every one is a hand-in, whatever its name. */
    List<SubmissionFile> identifyNamed(List<Candidate> named) {
        if (named.isEmpty()) {
            return List.of();
        }
        List<String> paths = named.stream().map(Candidate::relative).toList();
        Layout layout = options.layout().orElseGet(() -> Layout.detect(paths));
        Layout.Naming naming = layout.naming(paths, options.roster());
        List<SubmissionFile> found = new ArrayList<>();
        for (Candidate c : named) {
            Format format = Format.of(Layout.last(c.relative()));
            Optional<Layout.Identity> identity = naming.of(c.relative());
            found.add(identity.isPresent() ? file(c, identity.get().id(), layout, identity.get().note(), format)
                    : file(c, Layout.stem(Layout.last(c.relative())), Layout.FILES,
                            "not named as " + layout.label() + " names hand-ins: the id is the file name", format));
        }
        return found;
    }

    private static SubmissionFile file(Candidate c, String id, Layout layout, String note, Format format) {
        String notes = c.note().isEmpty() ? note : note.isEmpty() ? c.note() : c.note() + "; " + note;
        return new SubmissionFile(c.location(), c.source(), c.modified(), StudentIds.nfc(id), layout, notes,
                format == Format.SUPPORTED);
    }

    /** The problem file itself, as a repository made from the assignment's template holds it. */
    /** The file names docs/ci.md's recipes give the problem a teacher copies into each student repository. */
    private static final Set<String> TEMPLATE_PROBLEM = Set.of("problem.json", "problem.yaml", "problem.yml");

    /** The folders holding a readable file other than a {@link #TEMPLATE_PROBLEM}. */
    private static Set<String> foldersWithAnswers(List<Candidate> input) {
        Set<String> folders = new HashSet<>();
        for (Candidate c : input) {
            String last = Layout.last(c.relative());
            if (Format.of(last) == Format.SUPPORTED && !TEMPLATE_PROBLEM.contains(last.toLowerCase(Locale.ROOT))) {
                folders.add(folderOf(c.relative()));
            }
        }
        return folders;
    }

    /**
     * The problem a repository made from an assignment template carries as {@code problem.json}
     * (the recipes of docs/ci.md), when the teacher grades with their own copy under another name:
     * not a hand-in when its folder holds other answers. Alone in its folder it is graded, so a
     * student's only file is never dropped.
     */
    private static boolean isTemplateProblem(Candidate c, Set<String> answered) {
        return TEMPLATE_PROBLEM.contains(Layout.last(c.relative()).toLowerCase(Locale.ROOT))
                && answered.contains(folderOf(c.relative()));
    }

    private static String folderOf(String relative) {
        String r = relative.replace('\\', '/');
        int slash = r.lastIndexOf('/');
        return slash < 0 ? "" : r.substring(0, slash);
    }

    private boolean isProblemCopy(Candidate c) {
        return options.problem().map(p -> p.getFileName() != null
                && p.getFileName().toString().equalsIgnoreCase(Layout.last(c.relative()))).orElse(false);
    }

    /**
     * A student's PDF or photo is their row only when nothing they handed in can be read: beside
     * an answers file it is their working, not their answer. A part of their folder that could
     * not be walked is their row too when it is all there is; beside an answers file it is a note
     * on that file's row (the answers are graded, and the teacher reads that something was not).
     */
    static List<SubmissionFile> withoutUnreadableExtras(List<SubmissionFile> files) {
        Set<String> readable = new HashSet<>();
        for (SubmissionFile f : files) {
            if (f.supported() && !(f.location() instanceof Location.Unwalked)) {
                readable.add(f.id());
            }
        }
        Map<String, List<String>> unwalked = new HashMap<>();
        for (SubmissionFile f : files) {
            if (f.location() instanceof Location.Unwalked u && readable.contains(f.id())) {
                unwalked.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(u.why());
            }
        }
        List<SubmissionFile> kept = new ArrayList<>(files.size());
        for (SubmissionFile f : files) {
            boolean extra = !f.supported() || f.location() instanceof Location.Unwalked;
            if (extra && readable.contains(f.id())) {
                continue;
            }
            List<String> notes = unwalked.get(f.id());
            if (notes != null) {
                String also = String.join("; ", notes);
                f = new SubmissionFile(f.location(), f.source(), f.modified(), f.id(), f.layout(),
                        f.note().isEmpty() ? also : f.note() + "; " + also, f.supported());
            }
            kept.add(f);
        }
        return kept;
    }
}
