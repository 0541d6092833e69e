package nngrade.variant;

import nngrade.problem.ProblemFile;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A problem as the commands and the class pipeline use it: the same for everyone, or a variant
 * per student when its given values are generators. Variants are made once per student and kept.
 */
public final class ProblemSource {
    private final ProblemFile file;
    private final Secret secret;
    private final Variants.Variant shared;
    private final ConcurrentHashMap<String, Variants.Variant> variants = new ConcurrentHashMap<>();

    /** @param secret the teacher's secret, or null (enough for a problem without generators) */
    public ProblemSource(ProblemFile file, Secret secret) {
        this.file = file;
        this.secret = secret;
        if (file.hasGenerators()) {
            if (secret == null) {
                Variants.of(file, "", null); // reports every generator error, then the missing secret
            }
            this.shared = null;
        } else {
            this.shared = Variants.of(file, "", null);
        }
    }

    public boolean perStudent() {
        return shared == null;
    }

    public Variants.Variant forStudent(String id) {
        if (shared != null) {
            return shared;
        }
        return variants.computeIfAbsent(id, s -> Variants.of(file, s, secret));
    }

    /**
     * The code of the student's variant ({@link VariantCode}), printed on their sheet; empty when
     * the problem is the same for everyone. Computed without drawing the variant.
     */
    public Optional<String> variantCode(String id) {
        if (shared != null) {
            return Optional.empty();
        }
        if (secret == null || secret.isEmpty()) {
            forStudent(id); // refuses, naming the generators, as every command does without a secret
        }
        return Optional.of(VariantCode.of(file.text(), id, secret));
    }

    /** The problem when it is the same for everyone; empty when each student draws their own values. */
    public Optional<Variants.Variant> shared() {
        return Optional.ofNullable(shared);
    }

    public ProblemFile file() {
        return file;
    }
}
