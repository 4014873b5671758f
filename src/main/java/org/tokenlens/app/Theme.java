package org.tokenlens.app;

import java.util.Locale;

/** App themes; each is one stylesheet swapped at the scene. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css"),
    /** Presentation mode: large type and high contrast (dark), for projectors. */
    PRESENTATION("presentation.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheetUrl() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    /** "light", "dark" or "presentation", case-insensitive. */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + name + "': expected light, dark or presentation");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
