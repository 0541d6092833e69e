package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An {@link Output} in memory, for tests of the class pipeline without files: what was staged,
 * what was published in which order, and a way to make writing a name fail. Refuses what a
 * file system would lose data on: renaming a file that is not there, or onto one that is.
 */
final class MemoryOutput implements Output {
    private final Map<String, String> staged = Collections.synchronizedMap(new HashMap<>());
    final Map<String, String> reports = new TreeMap<>();
    final Map<Artifact, String> published = new EnumMap<>(Artifact.class);
    /** What publish put in place, in order: "reports/" then the artifacts' names. */
    final List<String> order = new ArrayList<>();
    final List<String> stagedOrder = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<String> fails;

    MemoryOutput() {
        this(name -> false);
    }

    /** @param fails the staged names whose writing fails, as a full disk would */
    MemoryOutput(Predicate<String> fails) {
        this.fails = fails;
    }

    @Override
    public void stage(String name, String text) {
        if (fails.test(name)) {
            throw new BadInputException(InputError.inFile("memory", "cannot write: " + name));
        }
        stagedOrder.add(name);
        staged.put(name, text);
    }

    @Override
    public void restage(String from, String to) {
        synchronized (staged) {
            if (!staged.containsKey(from)) {
                throw new IllegalStateException("nothing staged as " + from);
            }
            if (staged.containsKey(to)) {
                throw new IllegalStateException(from + " would replace " + to);
            }
            staged.put(to, staged.remove(from));
        }
    }

    @Override
    public String staged(String name) {
        String text = staged.get(name);
        if (text == null) {
            throw new IllegalStateException("nothing staged as " + name);
        }
        return text;
    }

    Map<String, String> staged() {
        synchronized (staged) {
            return new TreeMap<>(staged);
        }
    }

    @Override
    public void publish(Map<Artifact, String> artifacts) {
        synchronized (staged) {
            staged.forEach((name, text) -> {
                if (name.startsWith("reports/")) {
                    reports.put(name.substring("reports/".length()), text);
                }
            });
        }
        order.add("reports/");
        new EnumMap<>(artifacts).forEach((a, text) -> {
            order.add(a.name());
            published.put(a, text);
        });
    }

    /** What an earlier publish put in place: a second run into the same output is a regrade. */
    @Override
    public Optional<PreviousFile> previous(Artifact artifact) {
        return Optional.ofNullable(published.get(artifact)).map(text -> new PreviousFile("memory/" + artifact, text));
    }

    @Override
    public void close() {
        staged.clear();
    }
}
