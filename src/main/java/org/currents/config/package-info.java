/**
 * Typed settings read from {@code config/currents.properties}, each key overridable by an
 * environment variable ({@code fetch.max-bytes} ↔ {@code CURRENTS_FETCH_MAX_BYTES}) and the
 * common ones by command-line flags; validated at start with messages that name the key.
 */
package org.currents.config;
