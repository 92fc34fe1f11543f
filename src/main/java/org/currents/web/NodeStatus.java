package org.currents.web;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.currents.store.ClusterState;

/**
 * This node as {@code /healthz} and {@code /metrics} show it: its name, its roles, whether it
 * reaches the database, the misfires its scheduler handled, and the cluster's check-ins (empty
 * without a cluster).
 */
public record NodeStatus(String name, String roles, BooleanSupplier database, LongSupplier misfires,
                         Supplier<List<ClusterState.CheckIn>> cluster) {
}
