package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.currents.event.ArticleUrls;
import org.currents.event.Keys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves stored keys to the grouped layout of {@link Keys#hash}. A key's text is not stored, but
 * its new hash follows from its old one and its group: an item key's group is its report's
 * source, a link key's the host of its report's article URL (the key is made from that URL). A
 * key of neither kind (a permalink guid unlike the link) keeps its old hash and is no longer
 * found, which costs at most the merge of one old article seen through a mirror.
 */
public final class V16_0__GroupedKeys extends BaseJavaMigration {
    private static final int PAGE = 1000;

    /** A report's row as the migration reads it. */
    private record Row(String eventId, int position, long sourceId, long itemKey, String articleUrl) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        // Page by page in the order of the primary key, which finds each row again by its key:
        // the rows' keys and URLs of a large store need not all be in memory at once.
        Row last = new Row("", -1, 0, 0, null);
        while (true) {
            List<Row> page = Sql.query(c, "SELECT event_id, position, source_id, item_key, article_url FROM event_source "
                    + "WHERE event_id > ? OR (event_id = ? AND position > ?) ORDER BY event_id, position "
                    + "FETCH FIRST " + PAGE + " ROWS ONLY", rs -> new Row(rs.getString(1), rs.getInt(2), rs.getLong(3),
                    rs.getLong(4), rs.getString(5)), last.eventId(), last.eventId(), last.position());
            if (page.isEmpty()) {
                return;
            }
            List<Object[]> keys = new ArrayList<>();
            List<Object[]> sources = new ArrayList<>();
            for (Row r : page) {
                if (r.itemKey() != 0) {
                    long grouped = Keys.regroup(r.itemKey(), "item:" + r.sourceId());
                    keys.add(new Object[] {grouped, r.itemKey()});
                    sources.add(new Object[] {grouped, r.eventId(), r.position()});
                }
                String article = ArticleUrls.key(r.articleUrl());
                if (article != null) {
                    keys.add(new Object[] {Keys.hash("link:" + article), Keys.legacyHash("link:" + article)});
                }
            }
            // A key two reports share (one article, two outlets) moves with the first; the second finds nothing.
            Sql.batch(c, "UPDATE event_key SET key_hash = ? WHERE key_hash = ?", keys);
            Sql.batch(c, "UPDATE event_source SET item_key = ? WHERE event_id = ? AND position = ?", sources);
            last = page.get(page.size() - 1);
        }
    }
}
