package org.currents.publish.html;

import java.util.Locale;
import org.currents.event.ContextKind;

/** How a kind of context is named to readers; the internal names (source_group) never show. */
public final class KindLabel {
    private KindLabel() {
    }

    public static String one(ContextKind kind) {
        return switch (kind) {
            case STORY -> "Story";
            case SUBJECT -> "Subject";
            case CATEGORY -> "Category";
            case SOURCE_GROUP -> "Section";
        };
    }

    public static String many(ContextKind kind) {
        return switch (kind) {
            case STORY -> "Stories";
            case SUBJECT -> "Subjects";
            case CATEGORY -> "Categories";
            case SOURCE_GROUP -> "Sections of the sources";
        };
    }

    /** The value a filter takes in a URL ({@code ?kind=story}). */
    public static String param(ContextKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
