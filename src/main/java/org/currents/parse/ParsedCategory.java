package org.currents.parse;

/**
 * A category, tag or subject the feed gave an item: RSS {@code category} (its {@code domain}
 * as scheme), Atom {@code category} (term, label, scheme), {@code dc:subject}, JSON Feed tags.
 * {@code label} is the human name when the feed gave one, else null.
 */
public record ParsedCategory(String term, String label, String scheme) {
    /** The name to show: the label, else the term. */
    public String name() {
        return label != null && !label.isBlank() ? label : term;
    }
}
