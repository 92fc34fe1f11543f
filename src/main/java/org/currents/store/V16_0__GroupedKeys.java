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
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<long[]> itemKeys = Sql.query(c, "SELECT DISTINCT source_id, item_key FROM event_source "
                + "WHERE item_key IS NOT NULL AND item_key <> 0", rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        for (int from = 0; from < itemKeys.size(); from += BATCH) {
            List<Object[]> keys = new ArrayList<>();
            List<Object[]> sources = new ArrayList<>();
            for (long[] k : itemKeys.subList(from, Math.min(itemKeys.size(), from + BATCH))) {
                long grouped = Keys.regroup(k[1], "item:" + k[0]);
                keys.add(new Object[] {grouped, k[1]});
                sources.add(new Object[] {grouped, k[0], k[1]});
            }
            Sql.batch(c, "UPDATE event_key SET key_hash = ? WHERE key_hash = ?", keys);
            Sql.batch(c, "UPDATE event_source SET item_key = ? WHERE source_id = ? AND item_key = ?", sources);
        }
        List<String> articles = Sql.query(c, "SELECT DISTINCT article_url FROM event_source WHERE article_url IS NOT NULL",
                rs -> ArticleUrls.key(rs.getString(1)));
        List<Object[]> keys = new ArrayList<>();
        for (String article : articles) {
            if (article != null) {
                keys.add(new Object[] {Keys.hash("link:" + article), Keys.legacyHash("link:" + article)});
            }
            if (keys.size() == BATCH) {
                Sql.batch(c, "UPDATE event_key SET key_hash = ? WHERE key_hash = ?", keys);
                keys.clear();
            }
        }
        Sql.batch(c, "UPDATE event_key SET key_hash = ? WHERE key_hash = ?", keys);
    }
}
