package org.tokenlens;

import java.util.logging.Logger;
import javafx.application.Application;
import org.tokenlens.app.AppOptions;
import org.tokenlens.app.TokenLensApp;
import org.tokenlens.cli.Cli;

/**
 * Entry point of the jar. A command word ({@code encode}, {@code tokenizers}, …) runs the CLI; anything else
 * (nothing, or window options such as {@code --screenshot}) opens the window. Deliberately not an
 * {@code Application}: the JavaFX launcher would refuse to start from a plain class path, and the CLI must not
 * start the toolkit at all.
 */
public final class Main {
    /**
     * JavaFX warns on every start that it was loaded from the class path rather than as modules. That is our
     * deliberate packaging (jar + lib/), so the warning only alarms users; other JavaFX messages still show.
     * Held in a field: java.util.logging keeps loggers weakly, and a collected logger would lose the filter.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tokenlens: " + e.getMessage());
            System.exit(Cli.EXIT_BAD_INPUT);
            return;
        }
        if (options.helpText() != null) {
            System.out.print(options.helpText());
            return;
        }
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            Application.launch(TokenLensApp.class, args);
        } catch (RuntimeException e) {
            // typically no display: say so in one line and point at what works without one
            System.err.println("tokenlens: cannot open the window: " + e.getMessage()
                    + " (the commands work without a display: tokenlens help)");
            System.exit(1);
        }
    }
}
