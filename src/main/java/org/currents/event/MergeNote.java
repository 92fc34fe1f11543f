package org.currents.event;

/** Why a report joined an event that another report had started: the matcher's score and reasons. */
public record MergeNote(double score, String reasons) {
}
