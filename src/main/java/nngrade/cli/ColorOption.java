package nngrade.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * {@code --color}: ANSI colours on a terminal, as picocli's {@code Ansi.AUTO} decides (the
 * conventions of NO_COLOR, CLICOLOR=0 and CLICOLOR_FORCE=1 included), and never on a dumb terminal.
 */
public final class ColorOption {
    enum When {
        auto(Ansi.AUTO), always(Ansi.ON), never(Ansi.OFF);

        private final Ansi ansi;

        When(Ansi ansi) {
            this.ansi = ansi;
        }
    }

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text output: auto (on a terminal, unless NO_COLOR is set, CLICOLOR=0 or "
                    + "TERM=dumb; CLICOLOR_FORCE=1 colours a pipe too), always, never.")
    When when;

    boolean enabled() {
        // picocli's AUTO knows terminals, NO_COLOR and CLICOLOR; a dumb terminal shows escapes as text
        return when.ansi.enabled() && !(when == When.auto && "dumb".equals(System.getenv("TERM")));
    }
}
