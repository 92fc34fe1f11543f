/**
 * Fetching source feeds: {@link org.currents.fetch.FeedFetcher} takes a URL and the validators
 * of the last fetch and returns a {@link org.currents.fetch.FetchResult}, never an exception.
 * HTTP(S) goes through Jetty's client behind an address guard, with redirects followed by hand
 * and one deadline for the whole chain; {@code file:} URLs are read only inside the configured
 * roots. Every limit comes from {@code fetch.*} settings.
 */
package org.currents.fetch;
