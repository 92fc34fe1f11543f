package org.currents.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's configuration for one node: the in-memory job store (embedded default), or the
 * clustered JDBC job store on PostgreSQL, whose jobs every node shares.
 */
final class QuartzProperties {
    /** Every node of a cluster must use the same scheduler name: it is the key of its rows. */
    static final String CLUSTER_NAME = "currents";

    private QuartzProperties() {
    }

    static Properties inMemory(String name, int threads) {
        Properties p = common(name, threads);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return p;
    }

    /**
     * The clustered JDBC job store. Quartz finds its connections by a data source name in a
     * process-wide registry; the name is unique to this scheduler, and the provider hands out
     * connections of the node's own pool (closing one returns it to the pool).
     *
     * @param threads polls this node runs at once; 0 for a node that only schedules (web role)
     */
    static Properties clustered(ClusteredStore store, int threads, String dataSourceName) {
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnections(store.dataSource()));
        Properties p = common(CLUSTER_NAME, threads);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, store.instanceId());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(store.checkinInterval().toMillis()));
        // Take due triggers a batch at a time (up to the free threads), under the cluster's lock,
        // so that nodes acquire disjoint batches.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(Math.max(1, threads)));
        // A trigger moved by another node (a poll now, asked through a web node) is noticed within this.
        p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        if (threads == 0) {
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.ZeroSizeThreadPool");
            p.remove("org.quartz.threadPool.threadCount");
            p.remove("org.quartz.threadPool.threadNamePrefix");
        }
        return p;
    }

    private static Properties common(String name, int threads) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, threads)));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "poll");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    /** The node's pool as Quartz's connection provider; the pool is closed with the database, not here. */
    private record PooledConnections(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
