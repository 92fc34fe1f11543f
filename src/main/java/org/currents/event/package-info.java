/**
 * The shared nouns of every stage: events, their sources and contexts, related events, and the
 * draft an item becomes before it is matched to a stored event.
 */
package org.currents.event;
