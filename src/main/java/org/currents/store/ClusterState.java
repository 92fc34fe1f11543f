package org.currents.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster as its scheduler sees it: the nodes checked in to Quartz's table on PostgreSQL,
 * each with how long ago it last checked in and how often it should.
 */
public final class ClusterState {
    private final Database database;

    /** One node's last check-in. */
    public record CheckIn(String node, Instant last, Duration interval) {
        /** Alive as Quartz judges it: checked in within its interval and 7.5 s more. */
        public boolean alive(Instant now) {
            return last.plus(interval).plusMillis(7_500).isAfter(now);
        }
    }

    public ClusterState(Database database) {
        this.database = database;
    }

    public List<CheckIn> checkIns() {
        return database.read(c -> {
            List<CheckIn> out = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT instance_name, last_checkin_time, checkin_interval "
                    + "FROM qrtz_scheduler_state ORDER BY instance_name"); var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new CheckIn(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Duration.ofMillis(rs.getLong(3))));
                }
            }
            return out;
        });
    }
}
