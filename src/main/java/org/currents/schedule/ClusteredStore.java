package org.currents.schedule;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a clustered scheduler keeps its jobs: Quartz's tables in the shared PostgreSQL database,
 * reached through the node's own pool; this node's instance id (unique in the cluster) and how
 * often it checks in with the others.
 */
public record ClusteredStore(DataSource dataSource, String instanceId, Duration checkinInterval) {
    public ClusteredStore {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(checkinInterval, "checkinInterval");
    }
}
