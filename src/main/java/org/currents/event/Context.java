package org.currents.event;

import java.util.Objects;

/**
 * A story, topic or subject events are filed under. The slug is the identity (lower-case ASCII
 * letters, digits and hyphens, see {@link Slugs}); the name is how people see it.
 */
public record Context(String slug, String name, ContextKind kind) {
    public Context {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!Slugs.isSlug(slug)) {
            throw new IllegalArgumentException("not a slug: '" + slug + "'");
        }
    }

    /** A context named {@code name}, with the slug made from the name. */
    public static Context named(String name, ContextKind kind) {
        return new Context(Slugs.of(name), name.strip(), kind);
    }
}
