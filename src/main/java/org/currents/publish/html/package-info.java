/**
 * The reader's HTML pages: one writer per page type and the layout they share. Each writer is a
 * pure function of the values it is given (events, counts, links), so each is tested to the byte.
 */
package org.currents.publish.html;
