/**
 * Cover images, served from Currents itself so a reader's browser contacts no outlet: fetched once
 * through the address guard and limits of {@code fetch}, checked by decoding, resized to a few
 * widths and kept on disk within a byte budget.
 */
package org.currents.image;
