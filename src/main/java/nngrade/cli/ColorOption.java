package nngrade.cli;

import picocli.CommandLine.Option;

/** {@code --color}: ANSI colours on a terminal, never when piped or when NO_COLOR is set. */
public final class ColorOption {
    enum When { auto, always, never }

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    When when;

    boolean enabled() {
        return switch (when) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
