/** The command line: {@code serve} (the default), {@code poll --once}, OPML import and export, sources and contexts. */
package org.currents.cli;
