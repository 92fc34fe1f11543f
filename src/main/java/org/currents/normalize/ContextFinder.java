package org.currents.normalize;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.config.ContextSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.match.Places;
import org.currents.parse.ParsedCategory;

/**
 * Finds the contexts of an item: the source's groups, the item's categories (one marked as the
 * story when its scheme says so), subject pages its (sanitized) HTML links to, and configured keyword rules.
 * A name found twice keeps its strongest kind; the count is bounded against hostile items.
 */
final class ContextFinder {
    static final int MAX_CONTEXTS = 40;
    private static final int MAX_PLACES = 5;
    private static final int MAX_NAME = 200;
    // Compiled once: String.replaceAll and matches compile their pattern on every call, for every name of every item.
    private static final Pattern SPACE_OR_CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

    private final List<Pattern> subjectLinks;
    private final Map<Pattern, String> rules = new LinkedHashMap<>();
    private final Places places;

    ContextFinder(ContextSettings settings, Places places) {
        this.subjectLinks = settings.subjectLinkPatterns();
        this.places = places;
        settings.keywordRules().forEach((keyword, context) -> rules.put(
                Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), context));
    }

    /** The contexts found, in the order above; {@code story} receives the story's slug if one is marked. */
    Found find(List<String> sourceGroups, List<ParsedCategory> categories, List<String> links, String text) {
        Map<String, Context> found = new LinkedHashMap<>();
        String story = null;
        for (ParsedCategory c : categories) {
            boolean isStory = isStoryScheme(c.scheme());
            Context context = add(found, c.name(), isStory ? ContextKind.STORY : ContextKind.CATEGORY);
            if (isStory && story == null && context != null && context.kind() == ContextKind.STORY) {
                story = context.slug();
            }
        }
        for (String href : links) {
            String title = subjectTitle(href);
            if (title != null) {
                add(found, title, ContextKind.SUBJECT);
            }
        }
        rules.forEach((pattern, name) -> {
            if (pattern.matcher(text).find()) {
                add(found, name, ContextKind.CATEGORY);
            }
        });
        for (String group : sourceGroups) {
            add(found, group, ContextKind.SOURCE_GROUP);
        }
        return new Found(List.copyOf(found.values()), story);
    }

    /** The page title a link names when it matches a subject pattern (Wikipedia articles by default). */
    String subjectTitle(String href) {
        for (Pattern p : subjectLinks) {
            Matcher m = p.matcher(href);
            if (m.lookingAt() && m.groupCount() >= 1 && m.group(1) != null) {
                String raw = m.group(1);
                int hash = raw.indexOf('#');
                raw = hash >= 0 ? raw.substring(0, hash) : raw;
                String title;
                try {
                    title = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                title = title.replace('_', ' ').strip();
                // Namespaced pages (File:, Special:, Category:) and the main page are not subjects.
                return title.isEmpty() || title.contains(":") || title.equalsIgnoreCase("Main Page") ? null : title;
            }
        }
        return null;
    }

    private static boolean isStoryScheme(String scheme) {
        if (scheme == null) {
            return false;
        }
        String s = scheme.strip().toLowerCase(Locale.ROOT);
        return s.equals("story") || s.endsWith("/story");
    }

    private Context add(Map<String, Context> found, String name, ContextKind given) {
        if (name == null) {
            return null;
        }
        String clean = POSSESSIVE.matcher(SPACE_OR_CONTROL.matcher(name).replaceAll(" ").strip()).replaceAll("");
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            return null;
        }
        // One subject under one name: "Afghan" and "Afghanistan", "U.S." and "United States".
        clean = places.placeOf(clean.replace(".", "")).orElse(clean);
        ContextKind kind = kindFor(clean, given);
        Context context = Context.named(clean, kind);
        Context earlier = found.get(context.slug());
        if (earlier != null) {
            if (kind.weight() > earlier.kind().weight()) {
                found.put(context.slug(), new Context(earlier.slug(), earlier.name(), kind));
            }
            return found.get(context.slug());
        }
        if (found.size() >= MAX_CONTEXTS) {
            return null;
        }
        found.put(context.slug(), context);
        return context;
    }

    /**
     * The kind a name's evidence supports: a place is a subject whoever calls it a story or a
     * category, and a story is a happening with a name of some length ("Sanchi oil tanker
     * collision", "2018 Tunisian protests"), not one common word a feed happened to mark.
     */
    private ContextKind kindFor(String name, ContextKind given) {
        if ((given == ContextKind.STORY || given == ContextKind.CATEGORY) && places.isPlace(name)) {
            return ContextKind.SUBJECT;
        }
        if (given == ContextKind.STORY && !name.contains(" ") && !HAS_DIGIT.matcher(name).matches()
                && !name.equals(name.toUpperCase(Locale.ROOT))) {
            return ContextKind.SUBJECT;
        }
        return given;
    }

    /**
     * An item that names no subject, story or category of its own (as most wire feeds publish)
     * is filed under the places its text names, so it still has a subject to relate it by.
     */
    Found withPlaces(Found found, List<String> places) {
        Map<String, Context> out = new LinkedHashMap<>();
        places.stream().limit(MAX_PLACES).forEach(p -> add(out, p, ContextKind.SUBJECT));
        found.contexts().forEach(c -> out.putIfAbsent(c.slug(), c));
        return new Found(List.copyOf(out.values()), found.storySlug());
    }

    /** The contexts of one item and the slug of its story, or null. */
    record Found(List<Context> contexts, String storySlug) {
        /** No story, subject or category: only the source's groups, if anything. */
        boolean isBare() {
            return contexts.stream().allMatch(c -> c.kind() == ContextKind.SOURCE_GROUP);
        }
    }
}
