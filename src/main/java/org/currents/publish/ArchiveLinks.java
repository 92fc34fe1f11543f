package org.currents.publish;

/**
 * A feed's place in its history (RFC 5005): whether it is an archive document, and the URLs of the
 * current feed and of the archives just older and just newer than it (each null when there is none).
 */
record ArchiveLinks(boolean archive, String current, String prevArchive, String nextArchive) {
    /** A current feed whose every event is in it: no history to link. */
    static final ArchiveLinks NONE = new ArchiveLinks(false, null, null, null);

    /** The RFC 5005 namespace of {@code fh:archive}. */
    static final String FH_NAMESPACE = "http://purl.org/syndication/history/1.0";

    static ArchiveLinks current(String prevArchive) {
        return new ArchiveLinks(false, null, prevArchive, null);
    }
}
