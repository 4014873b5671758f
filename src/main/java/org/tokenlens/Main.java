package org.tokenlens;

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
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMAND_WORDS.contains(args[0])) {
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
        Application.launch(TokenLensApp.class, args);
    }
}
