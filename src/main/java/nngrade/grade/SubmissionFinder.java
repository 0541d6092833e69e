package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.input.IoReasons;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the hand-ins under the inputs a teacher names (files, folders, an LMS's zip) and whose
 * each one is, as the inputs' layout says ({@link HandIns}).
 */
public final class SubmissionFinder {

    /** A path the run will write, and the option that named it, so a refusal can say which. */
    public record Target(String option, Path path) {
    }

    /**
     * What to find.
     *
     * @param layout  the layout every input has; empty to tell each input's from its names
     * @param roster  the class's ids, which decide a folder's id where a name could be cut two ways
     * @param problem the problem file, whose copy in a student's folder is not a hand-in
     */
    public record Options(Optional<Layout> layout, Optional<Set<String>> roster, Optional<Path> problem) {
        public static final Options DEFAULT = new Options(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The hand-ins, sorted by source, and the archives they are read from, closed with this.
     *
     * @param unreadable the parts of the inputs that could not be walked (a folder without
     *                   permission, a path too long): one line each, naming it; the run goes on
     */
    public record Found(List<SubmissionFile> files, List<Archive> archives, List<String> unreadable) implements Closeable {
        public Found(List<SubmissionFile> files, List<Archive> archives) {
            this(files, archives, List.of());
        }

        @Override
        public void close() throws IOException {
            for (Archive a : archives) {
                a.close();
            }
        }
    }

    private SubmissionFinder() {
    }

    /**
     * Every hand-in under {@code inputs}, each once. Refuses, before anything is read, a target
     * that lies in (or on) an input: nngrade never writes among the submissions.
     */
    public static Found find(List<Path> inputs, List<Target> targets, Options options) {
        List<Archive> archives = new ArrayList<>();
        List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
        try {
            List<SubmissionFile> files = walkAll(inputs, targets, options, archives, unreadable);
            List<String> sortedUnreadable = new ArrayList<>(unreadable);
            sortedUnreadable.sort(null);
            return new Found(files, List.copyOf(archives), List.copyOf(sortedUnreadable));
        } catch (IOException e) {
            closeAll(archives);
            String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : String.valueOf(inputs);
            throw new BadInputException(InputError.inFile(where, "cannot be read: " + AtomicFiles.whyNot(e)));
        } catch (RuntimeException e) {
            closeAll(archives);
            throw e;
        }
    }

    /** {@link #find(List, List, Options)} with every layout told from the names. */
    public static Found find(List<Path> inputs, List<Target> targets) {
        return find(inputs, targets, Options.DEFAULT);
    }

    private static void closeAll(List<Archive> archives) {
        for (Archive a : archives) {
            try {
                a.close();
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }

    private static List<SubmissionFile> walkAll(List<Path> inputs, List<Target> targets, Options options,
                                                List<Archive> archives, List<String> unreadable) throws IOException {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new BadInputException(InputError.inFile(input.toString(), "no such file or folder"));
            }
            for (Target t : targets) {
                refuseWritingInto(input, input.toAbsolutePath().normalize(), t);
            }
        }
        HandIns handIns = new HandIns(options);
        List<HandIns.Candidate> named = new ArrayList<>(); // files named one by one: one group, as if one folder
        List<SubmissionFile> files = new ArrayList<>();
        // the real location, so one file named two ways (./a/x.json, a/x.json) is graded once
        Set<Object> seen = inputs.size() > 1 ? new HashSet<>() : null;
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<HandIns.Candidate> unwalked = new ArrayList<>();
                List<HandIns.Candidate> walked = walk(input, unreadable, unwalked);
                add(files, seen, handIns.identify(walked, unwalked));
            } else if (Archive.isArchive(input)) {
                Archive archive = Archive.open(input);
                archives.add(archive);
                List<HandIns.Candidate> entries = new ArrayList<>();
                for (Archive.Entry e : archive.entries()) {
                    if (!HandIns.hidden(e.name())) {
                        entries.add(new HandIns.Candidate(new Location.InArchive(archive, e.index()), archive.sourceOf(e),
                                e.name(), e.modified()));
                    }
                }
                add(files, seen, handIns.identify(entries));
            } else {
                // a file named on the command line is followed wherever its link leads, but a pipe is never waited on
                Location where = Files.isRegularFile(input) ? new Location.OnDisk(input) : new Location.Refused(NOT_A_FILE);
                named.add(new HandIns.Candidate(where, input.toString(), asGiven(input), Files.getLastModifiedTime(input)));
            }
        }
        add(files, seen, handIns.identifyNamed(named));
        List<SubmissionFile> kept = HandIns.withoutUnreadableExtras(files);
        List<SubmissionFile> sorted = new ArrayList<>(kept);
        sorted.sort(null);
        return sorted;
    }

    private static void add(List<SubmissionFile> files, Set<Object> seen, List<SubmissionFile> found) {
        if (seen == null) { // one input: its walk names each file once, nothing to merge (100,000 paths resolved cost 0.2 s)
            files.addAll(found);
            return;
        }
        for (SubmissionFile f : found) {
            // a refused or unwalked place is known by its path: two pipes share their reason, not their place
            Object where = f.location() instanceof Location.OnDisk d ? d.path().toAbsolutePath().normalize()
                    : f.location() instanceof Location.InArchive ? f.location()
                    : Path.of(f.source()).toAbsolutePath().normalize();
            if (seen.add(where)) {
                files.add(f);
            }
        }
    }

    /** A file named on the command line, as its layout sees it: the path as given when it stays below here. */
    private static String asGiven(Path input) {
        Path p = input.normalize();
        String text = p.toString().replace('\\', '/');
        return p.isAbsolute() || text.startsWith("../") || text.equals("..") ? p.getFileName().toString() : text;
    }

    /** Compared as the file system resolves both ({@link OutputGuard#real}): a link into the submissions is refused too. */
    private static void refuseWritingInto(Path input, Path inputAbs, Target target) {
        if (target.path() == null || !(target.path().toAbsolutePath().normalize().startsWith(inputAbs)
                || OutputGuard.real(target.path()).startsWith(OutputGuard.real(input)))) {
            return;
        }
        throw new BadInputException(InputError.atField("command line", target.option(), target.path()
                + (Files.isDirectory(input) ? " is inside the submissions folder " + input : " is the submission " + input)
                + "; nngrade never writes there: choose another " + (target.option().equals("--out") ? "folder" : "file")));
    }

    static final String NOT_A_FILE = "is not a regular file (a pipe, a socket or a device); not read";
    static final String LINK_OUTSIDE = "is a link to a file outside the submissions folder; not read";
    static final String LINK_OUTSIDE_FOLDER = "is a link to a folder outside the submissions folder; not read";
    static final String LINK_FOLDER = "is a link to a folder; not followed: a folder is graded only where it really is";

    /**
     * The files of a folder, its subfolders walked in parallel (a class is often a folder per
     * student or group); each file is seen once, with the walk's own attributes. Dot-files and
     * dot-folders ({@code .git}, {@code .github}, {@code .vscode}) are no one's hand-in. A folder
     * named as a link is walked where it leads, its files named as below the link; a link to a
     * folder inside it is not. What cannot be walked, and such a link, goes to {@code unwalked}
     * (sorted by source), for its student's row, and to {@code unreadable}, for a warning (a link
     * that stays inside is no warning: nothing of the class is left unread).
     */
    private static List<HandIns.Candidate> walk(Path input, List<String> unreadable, List<HandIns.Candidate> unwalked)
            throws IOException {
        Path folder = input.toRealPath();
        Tree tree = new Tree(input, folder, unreadable, Collections.synchronizedList(new ArrayList<>()));
        List<Path> subfolders = new ArrayList<>();
        List<HandIns.Candidate> found = new ArrayList<>(visit(tree, folder, 1, subfolders));
        try {
            subfolders.parallelStream().map(sub -> {
                try {
                    return visit(tree, sub, Integer.MAX_VALUE, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).forEachOrdered(found::addAll);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<HandIns.Candidate> notWalked = new ArrayList<>(tree.unwalked());
        notWalked.sort(Comparator.comparing(HandIns.Candidate::source));
        unwalked.addAll(notWalked);
        return found;
    }

    /**
     * A submissions folder being walked.
     *
     * @param given      the folder as the command line names it, which every message names files under
     * @param real       where it really is: a link inside it is followed only when it stays below
     * @param unreadable what could not be walked, for the caller to name
     * @param unwalked   the same, as candidates whose location says why ({@link Location.Unwalked}),
     *                   a folder's relative path ending in {@code /}: the layout says whose each is
     */
    private record Tree(Path given, Path real, List<String> unreadable, List<HandIns.Candidate> unwalked) {
        String sourceOf(Path f) {
            return given.resolve(real.relativize(f)).toString();
        }
    }

    /** The files down to {@code depth} levels below {@code folder}; folders at the last level go to {@code deeper}. */
    private static List<HandIns.Candidate> visit(Tree tree, Path folder, int depth, List<Path> deeper) throws IOException {
        Path root = tree.real();
        List<HandIns.Candidate> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                return !d.equals(folder) && HandIns.hidden(d.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (HandIns.hidden(f.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                if (a.isDirectory()) { // at the depth limit
                    deeper.add(f);
                } else if (a.isRegularFile()) {
                    found.add(candidate(tree, f, new Location.OnDisk(f), a.lastModifiedTime()));
                } else if (a.isSymbolicLink()) {
                    link(f, a);
                } else {
                    found.add(candidate(tree, f, new Location.Refused(NOT_A_FILE), a.lastModifiedTime()));
                }
                return FileVisitResult.CONTINUE;
            }

            /**
             * A link is its target when the target stays inside the submissions (a student's
             * repository linking one file to another); one that leaves them is a row saying so,
             * never opened. A link to a folder is never walked, wherever it leads: outside, its
             * files are no one's hand-in; inside, they are walked where they really are, and
             * walking them again through the link would grade them twice, once as the hand-in of
             * whoever made the link (a student linking to a classmate's folder). Either way the
             * link goes to {@code unwalked}, so the student whose folder holds it has a row
             * saying so; one leading outside is also a warning.
             */
            private void link(Path f, BasicFileAttributes a) {
                Path target;
                try {
                    target = f.toRealPath();
                } catch (IOException broken) {
                    found.add(candidate(tree, f, new Location.Refused("is a link that leads nowhere; not read"),
                            a.lastModifiedTime()));
                    return;
                }
                if (Files.isDirectory(target)) {
                    boolean outside = !target.startsWith(root);
                    if (outside) {
                        tree.unreadable().add(tree.sourceOf(f) + ": " + LINK_OUTSIDE_FOLDER);
                    }
                    tree.unwalked().add(linkedFolder(tree, f, a.lastModifiedTime(), outside));
                } else if (!target.startsWith(root)) {
                    found.add(candidate(tree, f, new Location.Refused(LINK_OUTSIDE), a.lastModifiedTime()));
                } else if (Files.isRegularFile(target)) {
                    found.add(candidate(tree, f, new Location.OnDisk(target), a.lastModifiedTime()));
                } else {
                    found.add(candidate(tree, f, new Location.Refused(NOT_A_FILE), a.lastModifiedTime()));
                }
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                // one student's unreadable folder or over-long path never stops the class
                String why = IoReasons.reason(e); // the line names the path already, as given, not the real one
                tree.unreadable().add(tree.sourceOf(f) + ": cannot be read: " + why + "; nothing in it is graded");
                if (!f.equals(root)) {
                    tree.unwalked().add(unwalked(tree, f, why));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /**
     * What the walk could not enter, as a candidate the layout names: a folder as {@code name/},
     * so that a student's own folder is theirs ({@code locked/}, {@code NAME_1001_assignsubmission_file_/}).
     */
    private static HandIns.Candidate unwalked(Tree tree, Path f, String why) {
        boolean folder = Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) { // a path too long has no attributes either
            modified = FileTime.fromMillis(0);
        }
        HandIns.Candidate c = candidate(tree, f, new Location.Refused(why), modified);
        String shown = Excerpts.pathName(c.relative());
        Location where = new Location.Unwalked((folder ? "the folder " + shown : shown) + " cannot be read: " + why
                + "; nothing in it is graded");
        return new HandIns.Candidate(where, c.source(), folder ? c.relative() + "/" : c.relative(), modified, c.note());
    }

    /**
     * A link to a folder, as a candidate the layout names as it names a folder the walk could not
     * enter ({@code hw1-eve/}): its student's row, or a note on it. Nothing below the link is
     * listed or opened, so nothing of what it leads to can reach a message.
     */
    private static HandIns.Candidate linkedFolder(Tree tree, Path f, FileTime modified, boolean outside) {
        HandIns.Candidate c = candidate(tree, f, new Location.Refused(LINK_FOLDER), modified);
        String why = Excerpts.pathName(c.relative()) + " " + (outside ? LINK_OUTSIDE_FOLDER : LINK_FOLDER);
        return new HandIns.Candidate(new Location.Unwalked(why), c.source(), c.relative() + "/", modified, c.note());
    }

    private static HandIns.Candidate candidate(Tree tree, Path f, Location where, FileTime modified) {
        // f is the real root's own path and more, as the walk built it: cutting the text is relativize without its objects
        String rest = f.toString().substring(tree.real().toString().length());
        String relative = rest.replace(f.getFileSystem().getSeparator(), "/");
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        String given = tree.given().toString();
        String source = rest.startsWith(f.getFileSystem().getSeparator()) || given.endsWith(f.getFileSystem().getSeparator())
                ? given + rest : given + f.getFileSystem().getSeparator() + rest;
        if (relative.indexOf('\uFFFD') >= 0 || !UTF8_NAMES && relative.indexOf('?') >= 0) {
            // Bytes the locale cannot decode read alike ("m\xfcller" and "m\xf6ller" as "m?ller"), and would
            // merge two students: the name is decoded from its own bytes as UTF-8 instead, whatever the
            // locale, and a byte that is not UTF-8 is kept as %XX.
            String decoded = rawRelative(tree.real(), f);
            return new HandIns.Candidate(where, source, decoded, modified, decoded.indexOf('%') >= 0 && !relative.contains("%")
                    ? "the file name is not UTF-8 text, so its id keeps those bytes as %XX; rename the file" : "");
        }
        return new HandIns.Candidate(where, source, relative, modified);
    }

    /** Whether Java decodes file names as UTF-8 here (not under LANG=C, in many containers). */
    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"));

    /**
     * The path below {@code root} from the name's own bytes (a file URI percent-encodes them),
     * the escapes of ASCII undone: {@code m%FCller.json} for a name holding the Latin-1 byte FC.
     */
    static String rawRelative(Path root, Path f) {
        String raw = f.toUri().getRawPath().substring(root.toUri().getRawPath().length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c); // a URI's other characters are ASCII
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder out = new StringBuilder();
        while (true) {
            CoderResult r = utf8.decode(in, chars, true);
            chars.flip();
            out.append(chars);
            chars.clear();
            if (!r.isError()) {
                break;
            }
            for (int k = 0; k < r.length(); k++) {
                out.append(String.format(Locale.ROOT, "%%%02X", in.get() & 0xFF));
            }
        }
        String decoded = out.toString();
        while (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        return decoded;
    }
}
