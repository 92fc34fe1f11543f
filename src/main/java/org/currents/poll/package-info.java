/**
 * One poll of one source, start to end: fetch, parse, normalize, store, then the outcome recorded
 * on the source with the time of its next poll. Used by the scheduled job and by {@code poll --once}.
 */
package org.currents.poll;
